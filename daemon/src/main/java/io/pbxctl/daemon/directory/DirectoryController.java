package io.pbxctl.daemon.directory;

import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.FieldProblem;
import io.pbxctl.daemon.system.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/tenants/{tenantId}/directory: who is who, for everyone of the tenant but billing viewers. */
@RestController
@Tag(name = "Directory")
class DirectoryController {

    private final DirectorySearch search;
    private final Access access;

    DirectoryController(DirectorySearch search, Access access) {
        this.search = search;
        this.access = access;
    }

    @GetMapping("/api/v1/tenants/{tenantId}/directory")
    @Operation(summary = "Search by department (name contains), name (contains), extension (starts with), number (real number contains) or q (any of them)")
    PageResponse<DirectoryEntry> search(@PathVariable long tenantId,
            @RequestParam(required = false) String department, @RequestParam(required = false) String name,
            @RequestParam(required = false) String extension, @RequestParam(required = false) String number,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        access.requireDirectoryReader(tenantId);
        if (page < 0) {
            throw new FieldProblem("page", "Min", "must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new FieldProblem("size", "Range", "must be between 1 and 500");
        }
        return search.search(tenantId, new DirectorySearch.Criteria(department, name, extension, number, q), page, size);
    }
}
