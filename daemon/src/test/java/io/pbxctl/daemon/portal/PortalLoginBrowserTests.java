package io.pbxctl.daemon.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.daemon.BrowserTestSupport;
import java.io.IOException;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** Logging in and out, languages remembered per person, brute-force lockout, CSRF and the session timeout, in Chromium. */
class PortalLoginBrowserTests extends BrowserTestSupport {

    @Autowired
    private ServletWebServerApplicationContext web;

    @Test
    void aLanguagePickedAtLoginIsRememberedForThePersonAndTheHeaderSwitchChangesIt() {
        TenantFixture tenant = newTenant("PL");
        open("/portal/login?lang=pl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Logowanie");
        screenshot("login-pl");

        logIn(tenant.slug() + "-admin", "wrong-" + PASSWORD, null);
        assertThat(text("login-error")).isEqualTo("Błędna nazwa użytkownika lub hasło.");

        logIn(tenant.slug() + "-admin", PASSWORD, "vi");
        assertThat(path()).isEqualTo("/portal/directory");
        assertThat(text("nav-directory")).isEqualTo("Danh bạ");
        assertThat(language(tenant.adminUserId())).isEqualTo("vi");
        screenshot("directory-vi");

        click("logout");
        assertThat(path()).isEqualTo("/portal/login");
        assertThat(browser.findElements(By.id("login-logout"))).hasSize(1);

        logIn(tenant.slug() + "-admin", PASSWORD, "");
        assertThat(text("nav-directory")).as("the remembered language, though the browser asks for English").isEqualTo("Danh bạ");

        choose("header-language", "pl");
        click("header-language-apply");
        assertThat(path()).isEqualTo("/portal/directory");
        assertThat(text("nav-directory")).isEqualTo("Książka adresowa");
        assertThat(language(tenant.adminUserId())).isEqualTo("pl");
        screenshot("directory-pl");
    }

    @Test
    void repeatedWrongPasswordsLockTheLoginEvenForTheRightPassword() {
        TenantFixture tenant = newTenant();
        personWithLogin(tenant, "Trần Văn Khóa", tenant.slug() + "-locked", "USER");
        for (int attempt = 1; attempt <= 5; attempt++) {
            logIn(tenant.slug() + "-locked", "wrong-" + PASSWORD, "en");
        }
        assertThat(text("login-error")).as("the fifth failure is told as a failure, and locks").isEqualTo("Wrong login name or password.");

        logIn(tenant.slug() + "-locked", PASSWORD, "en");

        assertThat(path()).isEqualTo("/portal/login");
        assertThat(text("login-locked")).startsWith("Too many failed logins");
        assertThat(tenant.admin().get("/api/v1/me").status()).as("other logins are not affected").isEqualTo(200);
        screenshot("login-locked");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        TenantFixture tenant = newTenant();
        personWithLogin(tenant, "Nguyễn Thị Hoa", tenant.slug() + "-hoa", "USER");
        logIn(tenant.slug() + "-hoa", PASSWORD, "en");
        open("/portal/me");
        type("email", "forged@example.com");
        script("document.querySelector('#me-form input[name=_csrf]').remove()");
        click("me-save");

        assertThat(text("error-message")).startsWith("The page refused this request");
        screenshot("csrf-refused");
        open("/portal/me");
        assertThat(byId("email").getAttribute("value")).isEmpty();
    }

    @Test
    void anIdleSessionExpiresAndTheNextPageAsksToLogInAgain() throws IOException, InterruptedException {
        TenantFixture tenant = newTenant();
        logIn(tenant.slug() + "-admin", PASSWORD, "en");
        Session session = session(browser.manage().getCookieNamed("JSESSIONID").getValue());
        assertThat(session.getMaxInactiveInterval()).as("server.servlet.session.timeout").isEqualTo(30 * 60);

        session.setMaxInactiveInterval(1);
        Thread.sleep(2100);
        open("/portal/directory");

        assertThat(path()).isEqualTo("/portal/login");
        assertThat(browser.findElements(By.id("login-expired"))).hasSize(1);
        screenshot("login-expired");
    }

    @Test
    void anOperatorIsToldToUseTheApi() {
        logIn(OPERATOR, PASSWORD, "en");
        assertThat(text("operator-notice")).contains("operators manage the server through the API");
        open("/portal/directory");
        assertThat(text("error-message")).isEqualTo("This login may not open this page.");
    }

    private String language(long userId) {
        return jdbc.sql("SELECT language FROM pbx_user WHERE id = ?").param(userId).query(String.class).single();
    }

    private Session session(String id) throws IOException {
        Context context = (Context) ((TomcatWebServer) web.getWebServer()).getTomcat().getHost().findChildren()[0];
        return context.getManager().findSession(id);
    }
}
