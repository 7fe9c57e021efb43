package io.pbxctl.daemon.greeting;

import io.pbxctl.daemon.portal.PortalChoices;
import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import io.pbxctl.daemon.security.Access;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The tenant's greeting for its admins: whether one is in place, and an upload that replaces it. */
@PortalController
class GreetingPage {

    private final Greetings greetings;
    private final Access access;
    private final PortalForms forms;

    GreetingPage(Greetings greetings, Access access, PortalForms forms) {
        this.greetings = greetings;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping("/portal/greeting")
    String show(Model model) {
        model.addAttribute("present", greetings.exists(PortalChoices.tenantOf(access.caller())));
        return "portal/greeting";
    }

    @PostMapping("/portal/greeting")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
        long tenantId = PortalChoices.tenantOf(access.caller());
        model.addAttribute("saved", forms.submit(new MapBindingResult(Map.of(), "greeting"), model, () -> {
            try {
                greetings.upload(tenantId, file == null ? 0 : file.getSize(), file == null ? InputStream.nullInputStream() : file.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        model.addAttribute("present", greetings.exists(tenantId));
        return "portal/greeting";
    }
}
