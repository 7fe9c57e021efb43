package io.pbxctl.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the portal's browser tests: Debian's own headless Chromium driven through Debian's
 * chromedriver (scripts/portal-test-tools installs them when missing; never a downloaded browser),
 * one browser per test class against the daemon of {@link ApiTestSupport}. Every page a test
 * looks at can be kept as a screenshot under target/portal-screenshots/.
 */
public abstract class BrowserTestSupport extends ApiTestSupport {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    protected static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");

    protected static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException, InterruptedException {
        Process install = new ProcessBuilder(List.of(Path.of("..", "scripts", "portal-test-tools").toAbsolutePath().normalize().toString(),
                "install")).inheritIO().start();
        boolean done = install.waitFor(10, TimeUnit.MINUTES);
        Assumptions.assumeTrue(done && install.exitValue() == 0 && Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: Debian's chromium, chromium-driver and sox could not be installed (scripts/portal-test-tools install)");
        profile = Files.createTempDirectory("pbxctl-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Each test starts logged out. */
    @BeforeEach
    void loggedOut() {
        open("/portal/login");
        browser.manage().deleteAllCookies();
    }

    protected void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    protected String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    protected void logIn(String username, String password, String language) {
        open("/portal/login");
        type("username", username);
        type("password", password);
        if (language != null) {
            choose("language", language);
        }
        click("login-submit");
    }

    protected WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    protected String text(String id) {
        return byId(id).getText();
    }

    protected List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    protected void type(String id, String value) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(value);
    }

    protected void choose(String id, String value) {
        new Select(byId(id)).selectByValue(value);
    }

    protected void click(String id) {
        click(byId(id));
    }

    /**
     * Clicks, and when the element is a link or a button waits until the browser has left the
     * page: the portal has no script, so each of them loads a new page, and on a busy machine the
     * click may return before that page is there (a test would then read the old one).
     */
    protected void click(WebElement element) {
        String tag = element.getTagName();
        boolean loadsAPage = tag.equals("a") || tag.equals("button") || "submit".equals(element.getAttribute("type"));
        element.click();
        if (loadsAPage) {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> gone(element));
        }
    }

    /** Whether the element's page was replaced; Chromium sometimes says so with an inspector error instead of "stale". */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException replaced) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The messages shown next to a field of the current page. */
    protected List<String> errorsOf(String field) {
        return texts(".field-error[data-field='" + field + "'] span");
    }

    protected void screenshot(String name) {
        try {
            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** A GET with the browser's session, for what a browser would download rather than show. */
    protected HttpResponse<byte[]> downloadWithSession(String href) {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("logged in").isNotNull();
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A person of the tenant with a web login of this role; returns the user's id. */
    protected long personWithLogin(TenantFixture tenant, String name, String login, String role) {
        long user = tenant.create("users", java.util.Map.of("name", name));
        Api.Response created = tenant.admin().put(tenant.path("users/" + user + "/login"),
                java.util.Map.of("username", login, "password", PASSWORD, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return user;
    }
}
