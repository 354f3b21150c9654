package dev.warroom.web.dashboard;

import dev.warroom.support.DashboardPlansProfile;
import dev.warroom.support.BrowserTest;
import dev.warroom.support.HeadlessChromium;
import dev.warroom.support.OtherInstance;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static dev.warroom.support.Eventually.await;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (headless Chromium, see {@link HeadlessChromium}) against the running test app,
 * with the shipped plans and one broken plan. Each test leaves a screenshot under target/screenshots/.
 */
@QuarkusTest
@TestProfile(DashboardPlansProfile.class)
class DashboardBrowserTest extends BrowserTest {


    @TestHTTPResource("/")
    URL root;
    @Inject
    ChangeListener listener;

    @BeforeEach
    void reset() {
        List<String> windows = List.copyOf(browser.getWindowHandles());
        for (String extra : windows.subList(1, windows.size())) {
            browser.switchTo().window(extra).close();
        }
        browser.switchTo().window(windows.get(0));
    }

    @Test
    void anIncidentDeclaredInTheChatAppearsOnTheDashboardWithoutReloadAndOpensWithItsTimeline() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/dashboard"));
        assertThat(browser.findElement(By.id("mode-banner")).getText()).isEqualTo("Local mode: no sign-in");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#incidents .empty"), "No incidents match."));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-state", "connected"));
        browser.executeScript("window.sameDocument = true");
        String dashboard = browser.getWindowHandle();

        // Someone declares in the local chat, in another window: the chat links back to the dashboard.
        browser.switchTo().newWindow(WindowType.WINDOW);
        browser.get(url("/"));
        assertThat(browser.findElement(By.id("dashboard-link")).getAttribute("href")).endsWith("/dashboard");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#who option[value='bob']")));
        new Select(browser.findElement(By.id("who"))).selectByValue("bob");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels [data-channel='@bob']")));
        browser.findElement(By.id("input")).sendKeys("/incident declare payments-api high Browser test outage", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//li[contains(@class,'message') and @data-user='warroom']/div[@class='text'][contains(., 'INC-1 declared')]")));

        browser.switchTo().window(dashboard);
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("row-INC-1")));
        assertThat(row.getText()).contains("INC-1").contains("Browser test outage").contains("payments-api")
                .contains("high").contains("detection").contains("Alice Smith");
        assertThat(browser.executeScript("return window.sameDocument === true")).as("the page was not reloaded").isEqualTo(true);
        chromium.screenshot("dashboard-incident-appears-live");

        row.findElement(By.linkText("INC-1")).click();
        wait.until(ExpectedConditions.urlToBe(url("/dashboard/incidents/INC-1")));
        List<String> timeline = texts("#timeline li");
        assertThat(timeline.get(0)).isEqualTo("2026-11-25 09:00 UTC Bob Jones declared payments-api high: Browser test outage");
        assertThat(timeline.get(1)).isEqualTo("2026-11-25 09:00 UTC Bob Jones manager assigned "
                + "Alice Smith is incident manager (least recently assigned of those available).");
        assertThat(currentPhase()).isEqualTo("detection | current | since 09:00 UTC (0s), no target");
        chromium.screenshot("dashboard-incident-timeline");
    }

    @Test
    void theIncidentPageFollowsTheIncidentLive() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.manage().window().setSize(HeadlessChromium.DESKTOP);
        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");
        browser.get(url("/dashboard/incidents/INC-1"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-state", "connected"));

        clock.advance(Duration.ofMinutes(20));
        say("bob", "inc-1-checkout-failing", "/incident done 1");
        say("alice", "inc-1-checkout-failing", "/incident phase analysis");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("steps"),
                "done by Bob Jones at 2026-11-25 09:20 UTC"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#phases .phase-step.current"),
                "analysis"));
        assertThat(currentPhase()).isEqualTo("analysis | current | since 09:20 UTC (0s), target 15m: due by 09:35 UTC");
        chromium.screenshot("dashboard-incident-live-desktop");
    }

    @Test
    void anOpenPageShowsAnotherInstancesChangesAndRefreshesAfterItsListenerWasLost() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        await("the instance listens for changes", listener::listening);
        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");
        browser.get(url("/dashboard"));
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live-state", "connected"));
        browser.executeScript("window.sameDocument = true");

        try (OtherInstance other = OtherInstance.connect()) {
            other.retitle("INC-1", "Checkout failing in the EU", true);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("row-INC-1"), "Checkout failing in the EU"));

            // A change whose notice never arrives (sent while nobody listened) shows once the listener is back.
            other.retitleWithoutNotice("INC-1", "Checkout failing everywhere");
            other.dropListeners();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("row-INC-1"), "Checkout failing everywhere"));
        }
        assertThat(browser.executeScript("return window.sameDocument === true")).as("the page was not reloaded").isEqualTo(true);
        chromium.screenshot("dashboard-change-from-another-instance");
    }

    @Test
    void thePlansPageShowsTheBrokenPlansErrorsBesideTheGoodPlans() throws IOException {
        browser.get(url("/dashboard/plans"));

        WebElement broken = browser.findElement(By.id("plan-checkout-web"));
        assertThat(broken.findElement(By.className("validity")).getText()).isEqualTo("invalid: 8 errors; not loaded");
        List<String> errors = broken.findElements(By.cssSelector(".errors tbody tr")).stream()
                .map(tr -> cells(tr, "td")).toList();
        assertThat(errors).contains("checkout-web.yaml | review_every | \"3 months\" is not a duration; use 30s, 5m, 2h or 1d",
                "checkout-web.yaml | people.lee.contacts | needs at least 2 contact methods, has 1");
        browser.executeScript("arguments[0].scrollIntoView()", broken);
        chromium.screenshot("dashboard-plans-broken-plan");
        WebElement good = browser.findElement(By.id("plan-payments-api"));
        assertThat(good.findElement(By.className("validity")).getText()).isEqualTo("valid");
        assertThat(good.findElement(By.className("last-drill")).getText()).isEqualTo("never — a drill is due");
        good.findElement(By.tagName("summary")).click();
        assertThat(good.findElement(By.className("escalation")).getText()).contains("Payments engineering leads: bob, carol.");
    }

    /** The current phase as its three parts say it: name | state | detail. */
    private static String currentPhase() {
        return String.join(" | ", texts("#phases .phase-step.current > span"));
    }

    /**
     * The text of each element a selector finds, spaces collapsed, read in one go in the page: the live
     * script may swap the elements for fresh ones at any moment.
     */
    @SuppressWarnings("unchecked")
    private static List<String> texts(String selector) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(e => e.textContent.replace(/\\s+/g, ' ').trim())", selector);
    }

    private static String cells(WebElement row, String tag) {
        return String.join(" | ", row.findElements(By.tagName(tag)).stream()
                .map(e -> e.getAttribute("textContent").strip()).toList());
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }
}
