package io.pbxctl.daemon.portal;

import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.user.UserLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal's three languages. A person's choice is stored with them (their user's language,
 * which the tenant's language fills when never chosen) and applied at each login; operators,
 * who are nobody's user, keep theirs for the session.
 */
@Component
public class PortalLanguages {

    public static final List<String> SUPPORTED = List.of("vi", "en", "pl");

    private final UserLanguages users;
    private final LocaleResolver locales;

    PortalLanguages(UserLanguages users, LocaleResolver locales) {
        this.users = users;
        this.locales = locales;
    }

    static boolean supported(String language) {
        return language != null && SUPPORTED.contains(language);
    }

    /** A language picked on the login form is remembered for the person; otherwise their remembered one applies. */
    public void applyAtLogin(HttpServletRequest request, HttpServletResponse response, Caller caller) {
        String language = request.getParameter("language");
        if (caller.userId() != null) {
            if (supported(language)) {
                users.remember(caller.tenantId(), caller.userId(), language);
            } else {
                language = users.of(caller.tenantId(), caller.userId()).orElse(null);
            }
        }
        if (supported(language)) {
            locales.setLocale(request, response, Locale.forLanguageTag(language));
        }
    }

    void change(HttpServletRequest request, HttpServletResponse response, Caller caller, String language) {
        if (!supported(language)) {
            return;
        }
        if (caller.userId() != null) {
            users.remember(caller.tenantId(), caller.userId(), language);
        }
        locales.setLocale(request, response, Locale.forLanguageTag(language));
    }
}
