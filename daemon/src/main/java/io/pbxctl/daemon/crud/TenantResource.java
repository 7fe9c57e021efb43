package io.pbxctl.daemon.crud;

import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;

/**
 * What one kind of tenant object adds to the shared create/list/read/update/delete flow:
 * how a request becomes an entity (with the checks that need the tenant or other rows),
 * how an entity is shown, and which list filters exist.
 *
 * @param <E> the entity
 * @param <Q> the request body of create and update
 * @param <R> the view returned to clients; it never carries a secret
 */
public interface TenantResource<E extends TenantEntity, Q, R> {

    /** The name used in the audit log and in messages, such as "device". */
    String type();

    TenantScopedRepository<E> repository();

    /** A new entity from a validated request; throws FieldProblem or Conflict for refused input. */
    E create(Tenant tenant, Q request);

    /** Applies a validated request to a stored entity (PUT semantics: the whole object). */
    void update(Tenant tenant, E entity, Q request);

    R view(E entity);

    Map<String, Function<String, Specification<E>>> filters();

    /** Called before deletion, inside the transaction, to refuse it or clear references. */
    default void beforeDelete(E entity) {
    }
}
