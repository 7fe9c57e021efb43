package io.pbxctl.daemon.tenant;

import io.pbxctl.agi.numbering.Country;
import io.pbxctl.daemon.system.PageResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants: operators see all tenants, everyone else only their own. */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Tenants")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    PageResponse<TenantView> list(@RequestParam(required = false) String slug, @RequestParam(required = false) String name,
            @RequestParam(required = false) Country country,
            @ParameterObject @PageableDefault(size = 50, sort = "id", direction = Sort.Direction.ASC) Pageable pageable) {
        return tenants.list(slug, name, country, pageable);
    }

    @GetMapping("/{tenantId}")
    TenantView get(@PathVariable long tenantId) {
        return tenants.get(tenantId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TenantView create(@Valid @RequestBody TenantRequest request) {
        return tenants.create(request);
    }

    @PutMapping("/{tenantId}")
    TenantView update(@PathVariable long tenantId, @Valid @RequestBody TenantRequest request) {
        return tenants.update(tenantId, request);
    }

    @DeleteMapping("/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long tenantId) {
        tenants.delete(tenantId);
    }
}
