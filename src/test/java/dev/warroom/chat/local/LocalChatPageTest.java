package dev.warroom.chat.local;

import dev.warroom.support.BrowserTest;
import dev.warroom.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static dev.warroom.support.LocalChatClient.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The local chat page in a real browser ({@link HeadlessChromium}), on a phone-sized window; screenshots go
 * to target/screenshots/.
 */
@QuarkusTest
class LocalChatPageTest extends BrowserTest {

    private static final Dimension PHONE = HeadlessChromium.PHONE;
    private static final Dimension DESKTOP = HeadlessChromium.DESKTOP;


    @TestHTTPResource("/")
    URL page;


    @BeforeEach
    void reset() {
        // A fresh page with nothing remembered: no identity, no last channel.
        browser.get(page.toString());
        ((ChromeDriver) browser).executeScript("localStorage.clear()");
        browser.get(page.toString());
    }

    @Test
    void declareOpenTheIncidentChannelAndTickAStepOnAPhone() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#who option[value='bob']")));
        new Select(browser.findElement(By.id("who"))).selectByValue("bob");
        assertEquals("bob — Bob Jones", new Select(browser.findElement(By.id("who"))).getFirstSelectedOption().getText());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels [data-channel='@bob']")));
        wait.until(ExpectedConditions.textToBe(By.id("current-channel"), "# general"));

        WebElement input = browser.findElement(By.id("input"));
        assertEquals("/incident declare payments-api high Checkout failing", input.getAttribute("placeholder"));
        input.sendKeys("/incident declare payments-api high Browser test outage", Keys.ENTER);

        WebElement declared = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'message') and @data-user='warroom']"
                        + "/div[@class='text'][contains(., 'INC-1 declared')]")));
        assertTrue(declared.getText().contains("Incident manager:"), declared.getText());
        // Found afresh each time: the page may redraw the channel's messages while the declare's replies arrive.
        String mine = "#messages .message.mine[data-user='bob'] ";
        wait.until(ExpectedConditions.textToBe(By.cssSelector(mine + ".user"), "Bob Jones"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(mine + ".time"), "09:00"));
        assertEquals("", input.getAttribute("value"), "the input is cleared after sending");

        // The checklist went to the new incident channel, which the page learned about and marked unread.
        if (browser.findElement(By.id("menu")).isDisplayed()) {
            browser.findElement(By.id("menu")).click();
        }
        // The channel list is redrawn as the declaration's messages arrive: find and click it afresh until it holds.
        wait.ignoring(StaleElementReferenceException.class);
        String channel = wait.until(d -> d.findElement(
                By.cssSelector("#channels [data-channel^='inc-1-'][data-unread]")).getAttribute("data-channel"));
        wait.until(d -> {
            d.findElement(By.cssSelector("#channels [data-channel='" + channel + "']")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBe(By.id("current-channel"), "# " + channel));

        WebElement done = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#messages button.action[data-command='done INC-1 1']")));
        assertEquals("Done 1", done.getText());
        done.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'message')]/div[@class='text'][contains(., 'Step 1 done by Bob Jones')]")));
        assertTrue(browser.findElement(By.id("error")).getAttribute("hidden") != null, "no error shown");
        // The checklist posted at declaration is updated in place: step 1 ticked, its button gone.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//li[contains(@class,'message')]"
                + "/div[@class='text'][contains(., '1. ☑ Assess customer impact and set the severity — done by Bob Jones')]")));
        wait.until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#messages button.action[data-command='done INC-1 1']"), 0));

        chromium.screenshot("local-chat-phone");
        browser.manage().window().setSize(DESKTOP);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("channels")));
        chromium.screenshot("local-chat-desktop");
    }

    @Test
    void messageTextIsShownAsTextWithItsLightMarks() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        say("carol", "general", "*Heads up* <img src=x onerror=alert(1)> run `kubectl get pods` on _payments_db_ now");

        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#messages .message[data-user='carol'] .text")));
        assertEquals("Heads up", text.findElement(By.tagName("strong")).getText());
        assertEquals("kubectl get pods", text.findElement(By.tagName("code")).getText());
        assertEquals("payments_db", text.findElement(By.tagName("em")).getText());
        assertEquals(List.of(), text.findElements(By.tagName("img")), "markup in a message stays text");
        assertTrue(text.getText().contains("<img src=x onerror=alert(1)>"), text.getText());
    }

    @Test
    void aRefusedMessageShowsTheServersReason() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#who option[value='bob']")));
        new Select(browser.findElement(By.id("who"))).selectByValue("bob");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels [data-channel='@bob']")));
        // Longer than the server takes; the page's own limit is lifted to reach the server's answer.
        WebElement input = browser.findElement(By.id("input"));
        ((ChromeDriver) browser).executeScript("arguments[0].removeAttribute('maxlength');"
                + "arguments[0].value = 'x'.repeat(4001);", input);
        browser.findElement(By.id("send")).click();

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("text is longer than 4000 characters", error.getText());
        assertEquals(4001, input.getAttribute("value").length(), "the text stays for another try");
    }

    @Test
    void someoneNotInThePlansTypesTheirNameAndItIsRemembered() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#who option[value='bob']")));
        new Select(browser.findElement(By.id("who"))).selectByVisibleText("Someone else…");
        browser.findElement(By.id("who-name")).sendKeys("zoe", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels [data-channel='@zoe']")));

        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channels [data-channel='@zoe']")));
        assertEquals("zoe (guest)", new Select(browser.findElement(By.id("who"))).getFirstSelectedOption().getText());
    }
}
