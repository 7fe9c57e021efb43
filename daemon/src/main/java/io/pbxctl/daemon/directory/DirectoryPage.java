package io.pbxctl.daemon.directory;

import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.system.PageResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tenant's directory, searchable by department, name, extension, real number or any of them,
 * as in the API, with each device's live registration asked from Asterisk over AMI.
 */
@PortalController
class DirectoryPage {

    private static final int PAGE_SIZE = 50;

    private final DirectorySearch search;
    private final Access access;
    private final AsteriskManager asterisk;

    DirectoryPage(DirectorySearch search, Access access, AsteriskManager asterisk) {
        this.search = search;
        this.access = access;
        this.asterisk = asterisk;
    }

    @GetMapping("/portal/directory")
    String directory(@RequestParam(required = false) String department, @RequestParam(required = false) String name,
            @RequestParam(required = false) String extension, @RequestParam(required = false) String number,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        access.requireDirectoryReader(tenantId);
        PageResponse<DirectoryEntry> result = search.search(tenantId,
                new DirectorySearch.Criteria(department, name, extension, number, q), Math.max(0, page), PAGE_SIZE);
        Optional<Map<String, String>> states = asterisk.endpointStates();
        Map<String, Registration> registration = new HashMap<>();
        result.items().forEach(entry -> entry.devices()
                .forEach(device -> registration.put(device.sipUsername(), Registration.of(states, device.sipUsername()))));
        Map<String, String> criteria = new HashMap<>();
        criteria.put("department", department);
        criteria.put("name", name);
        criteria.put("extension", extension);
        criteria.put("number", number);
        criteria.put("q", q);
        model.addAttribute("criteria", criteria);
        model.addAttribute("result", result);
        model.addAttribute("registration", registration);
        return "portal/directory";
    }
}
