package io.pbxctl.daemon.security;

import io.pbxctl.daemon.portal.PortalController;
import io.pbxctl.daemon.portal.PortalForms;
import jakarta.validation.Valid;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Every login's own password, changed in the portal through the same rules as PUT /api/v1/me/password. */
@PortalController
class PasswordPage {

    private final Logins logins;
    private final PortalForms forms;

    PasswordPage(Logins logins, PortalForms forms) {
        this.logins = logins;
        this.forms = forms;
    }

    @GetMapping("/portal/account/password")
    String form() {
        return "portal/password";
    }

    @PostMapping("/portal/account/password")
    String change(@Valid @ModelAttribute PasswordChange change, BindingResult binding, Model model) {
        model.addAttribute("saved", forms.submit(binding, model, () -> logins.changeOwnPassword(change)));
        return "portal/password";
    }
}
