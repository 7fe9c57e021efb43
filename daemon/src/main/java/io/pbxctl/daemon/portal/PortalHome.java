package io.pbxctl.daemon.portal;

import io.pbxctl.daemon.security.Access;
import io.pbxctl.daemon.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, the start page of each role, and the language switch in every page's header. */
@PortalController
class PortalHome {

    private final Access access;
    private final PortalLanguages languages;

    PortalHome(Access access, PortalLanguages languages) {
        this.access = access;
        this.languages = languages;
    }

    /** A language picked with a ?lang= link is preselected, so that logging in remembers it. */
    @GetMapping("/portal/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME);
        model.addAttribute("chosenLanguage", chosen instanceof Locale locale ? locale.getLanguage() : null);
        return "portal/login";
    }

    /** Billing viewers start at the call history, people at their own page, admins at the directory. */
    @GetMapping("/portal")
    String home() {
        Caller caller = access.caller();
        if (caller.isOperator()) {
            return "portal/operator";
        }
        return switch (caller.role()) {
            case BILLING_VIEWER -> "redirect:/portal/calls";
            case TENANT_ADMIN -> "redirect:/portal/directory";
            default -> "redirect:/portal/me";
        };
    }

    /** Where Spring Security forwards a refused request, most often a form whose CSRF token is missing or outdated. */
    @RequestMapping("/portal/denied")
    String denied(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("status", HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("messageKey", "error.page.denied");
        return "portal/error";
    }

    @PostMapping("/portal/language")
    String language(@RequestParam String language, @RequestParam(required = false) String back, HttpServletRequest request,
            HttpServletResponse response) {
        languages.change(request, response, access.caller(), language);
        return "redirect:" + (back != null && back.matches("/portal(/[A-Za-z0-9/_.-]*)?") ? back : "/portal");
    }
}
