package io.pbxctl.daemon.crud;

import io.pbxctl.daemon.tenant.Tenant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.springframework.data.jpa.domain.Specification;

/**
 * What one kind of tenant object adds to the shared create/list/read/update/delete flow:
 * how a request is applied to an entity (with the checks that need the tenant or other rows),
 * how an entity is shown, and which list filters exist.
 *
 * @param <E> the entity
 * @param <Q> the request body of create and update
 * @param <R> the view returned to clients; it never carries a secret
 */
public abstract class TenantResource<E extends TenantEntity, Q, R> {

    private final String type;
    private final TenantScopedRepository<E> repository;
    private final LongFunction<E> newEntity;

    /**
     * @param type the name used in the audit log and in messages, such as "device"
     * @param newEntity makes an empty entity of a tenant
     */
    protected TenantResource(String type, TenantScopedRepository<E> repository, LongFunction<E> newEntity) {
        this.type = type;
        this.repository = repository;
        this.newEntity = newEntity;
    }

    public final String type() {
        return type;
    }

    public final TenantScopedRepository<E> repository() {
        return repository;
    }

    /** A new entity from a validated request; throws FieldProblem or Conflict for refused input. */
    public E create(Tenant tenant, Q request) {
        E entity = newEntity.apply(tenant.getId());
        update(tenant, entity, request);
        return entity;
    }

    /** Applies a validated request to an entity (PUT semantics: the whole object). */
    public abstract void update(Tenant tenant, E entity, Q request);

    public abstract R view(E entity);

    public abstract Map<String, Function<String, Specification<E>>> filters();

    /** Called before deletion, inside the transaction, to refuse it or clear references. */
    public void beforeDelete(E entity) {
    }
}
