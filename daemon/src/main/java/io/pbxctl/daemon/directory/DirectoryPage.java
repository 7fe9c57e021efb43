package io.pbxctl.daemon.directory;

import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.security.Access;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The tenant's directory, searchable by department, name, extension, real number or any of them, as in the API. */
@PortalController
class DirectoryPage {

    private static final int PAGE_SIZE = 50;

    private final DirectorySearch search;
    private final Access access;

    DirectoryPage(DirectorySearch search, Access access) {
        this.search = search;
        this.access = access;
    }

    @GetMapping("/portal/directory")
    String directory(@RequestParam(required = false) String department, @RequestParam(required = false) String name,
            @RequestParam(required = false) String extension, @RequestParam(required = false) String number,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        access.requireDirectoryReader(tenantId);
        model.addAttribute("result", search.search(tenantId,
                new DirectorySearch.Criteria(department, name, extension, number, q), Math.max(0, page), PAGE_SIZE));
        return "portal/directory";
    }
}
