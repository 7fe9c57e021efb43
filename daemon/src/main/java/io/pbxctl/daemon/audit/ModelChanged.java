package io.pbxctl.daemon.audit;

/**
 * Published for every audited create, update and delete, inside the change's transaction:
 * listeners that act on the committed model (configuration generation, call-time caches) use
 * {@code @TransactionalEventListener}. The tenant is null for server-wide objects.
 */
public record ModelChanged(Long tenantId, String type) {
}
