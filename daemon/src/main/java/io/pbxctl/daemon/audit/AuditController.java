package io.pbxctl.daemon.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.web.PageableDefault;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the audit trail: operators everything, tenant admins their own tenant. Newest first by default. */
@RestController
@Tag(name = "Audit log")
class AuditController {

    private final AuditRepository entries;
    private final Access access;
    private final ObjectMapper json;

    AuditController(AuditRepository entries, Access access, ObjectMapper json) {
        this.entries = entries;
        this.access = access;
        this.json = json;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The whole audit trail (operators); filters: tenantId, entityType, entityId, actor, action, from, to")
    @Transactional(readOnly = true)
    PageResponse<AuditView> all(@RequestParam(required = false) Long tenantId, @ParameterObject Filter filter,
            @ParameterObject @PageableDefault(size = 50, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        access.requireOperator();
        Specification<AuditEntry> spec = filter.toSpecification();
        if (tenantId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("tenantId"), tenantId));
        }
        return PageResponse.of(entries.findAll(spec, pageable).map(this::view));
    }

    @GetMapping("/api/v1/tenants/{tenantId}/audit")
    @Operation(summary = "The audit trail of one tenant; filters: entityType, entityId, actor, action, from, to")
    @Transactional(readOnly = true)
    PageResponse<AuditView> ofTenant(@PathVariable long tenantId, @ParameterObject Filter filter,
            @ParameterObject @PageableDefault(size = 50, sort = "id", direction = Sort.Direction.DESC) Pageable pageable) {
        access.requireTenantAdmin(tenantId);
        Specification<AuditEntry> spec = filter.toSpecification().and((root, query, cb) -> cb.equal(root.get("tenantId"), tenantId));
        return PageResponse.of(entries.findAll(spec, pageable).map(this::view));
    }

    /** Optional audit filters; from and to are ISO-8601 instants such as 2026-11-01T00:00:00Z. */
    record Filter(String entityType, Long entityId, String actor, String action, Instant from, Instant to) {

        Specification<AuditEntry> toSpecification() {
            Specification<AuditEntry> spec = Specification.where(null);
            if (entityType != null) {
                spec = spec.and((root, query, cb) -> cb.equal(root.get("entityType"), entityType));
            }
            if (entityId != null) {
                spec = spec.and((root, query, cb) -> cb.equal(root.get("entityId"), entityId));
            }
            if (actor != null) {
                spec = spec.and((root, query, cb) -> cb.equal(root.get("actor"), actor));
            }
            if (action != null) {
                spec = spec.and((root, query, cb) -> cb.equal(root.get("action"), action));
            }
            if (from != null) {
                spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("at"), from));
            }
            if (to != null) {
                spec = spec.and((root, query, cb) -> cb.lessThan(root.get("at"), to));
            }
            return spec;
        }
    }

    private AuditView view(AuditEntry entry) {
        return new AuditView(entry.getId(), entry.getAt(), entry.getActor(), entry.getTenantId(), entry.getAction(), entry.getEntityType(),
                entry.getEntityId(), parse(entry.getBeforeJson()), parse(entry.getAfterJson()));
    }

    private JsonNode parse(String stored) {
        try {
            return stored == null ? null : json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit entry holds invalid JSON", e);
        }
    }
}
