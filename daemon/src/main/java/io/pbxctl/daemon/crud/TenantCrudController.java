package io.pbxctl.daemon.crud;

import io.pbxctl.daemon.system.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The five endpoints of a tenant object under /api/v1/tenants/{tenantId}/...; a feature's
 * controller only names its path and its {@link TenantResource}.
 */
public abstract class TenantCrudController<E extends TenantEntity, Q, R> {

    private static final Set<String> PAGING_PARAMS = Set.of("page", "size", "sort");

    private final TenantCrud crud;
    private final TenantResource<E, Q, R> resource;

    protected TenantCrudController(TenantCrud crud, TenantResource<E, Q, R> resource) {
        this.crud = crud;
        this.resource = resource;
    }

    @GetMapping
    @Operation(summary = "List, paged (page, size up to 500), sorted (sort=field,asc|desc) and filtered by the other query parameters")
    public PageResponse<R> list(@PathVariable long tenantId,
            @Parameter(hidden = true) @RequestParam Map<String, String> params,
            @ParameterObject @PageableDefault(size = 50, sort = "id", direction = Sort.Direction.ASC) Pageable pageable) {
        Map<String, String> filters = new HashMap<>(params);
        filters.keySet().removeAll(PAGING_PARAMS);
        return crud.list(resource, tenantId, filters, pageable);
    }

    @GetMapping("/{id}")
    public R get(@PathVariable long tenantId, @PathVariable long id) {
        return crud.get(resource, tenantId, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public R create(@PathVariable long tenantId, @Valid @RequestBody Q request) {
        return crud.create(resource, tenantId, request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the whole object")
    public R update(@PathVariable long tenantId, @PathVariable long id, @Valid @RequestBody Q request) {
        return crud.update(resource, tenantId, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable long tenantId, @PathVariable long id) {
        crud.delete(resource, tenantId, id);
    }
}
