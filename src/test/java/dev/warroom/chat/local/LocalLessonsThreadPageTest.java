package dev.warroom.chat.local;

import dev.warroom.support.BrowserTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lessons-learned thread in the local chat page, in a real browser on a phone-sized window: Bob replies in the
 * thread, his reply becomes a lesson under its question, and his edit and deletion follow it into the incident.
 */
@QuarkusTest
class LocalLessonsThreadPageTest extends BrowserTest {

    private static final String CHANNEL = "inc-1-checkout-failing";
    private static final String PROMPT = "//li[contains(@class,'message') and @data-user='warroom']"
            + "[./div[@class='text'][contains(., 'Lessons learned')]]";


    @TestHTTPResource("/")
    URL page;


    @BeforeEach
    void anIncidentIsResolvedAndBobOpensItsChannel() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("alice", CHANNEL, "/incident resolve Failed over");
        browser.get(page.toString());
        ((ChromeDriver) browser).executeScript("localStorage.clear()");
        browser.get(page.toString());
    }

    @Test
    void bobRepliesInTheThreadThenEditsAndDeletesHisLesson() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        // The clicks below are retried while the page re-renders or the channel drawer is still sliding in.
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementNotInteractableException.class);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#who option[value='bob']")));
        new Select(browser.findElement(By.id("who"))).selectByValue("bob");
        if (browser.findElement(By.id("menu")).isDisplayed()) {
            browser.findElement(By.id("menu")).click();
        }
        wait.until(d -> {
            d.findElement(By.cssSelector("#channels [data-channel='" + CHANNEL + "']")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBe(By.id("current-channel"), "# " + CHANNEL));

        wait.until(d -> {
            d.findElement(By.xpath(PROMPT + "//button[@class='tool' and @data-reply]")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replying-text"),
                "Replying in the thread of “📝 Lessons learned"));
        browser.findElement(By.id("input")).sendKeys("2. Paging was slow", Keys.ENTER);

        // Under the prompt: Bob's reply, then Warroom's thanks, both in the thread.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(PROMPT
                + "/ol[@class='replies']/li[@data-user='bob']/div[@class='text'][. = '2. Paging was slow']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(PROMPT + "/ol[@class='replies']"
                + "/li[@data-user='warroom']/div[@class='text'][starts-with(., 'Lesson 1 recorded for INC-1 under')]")));
        assertEquals(List.of("Paging was slow"), lessons("text"));
        assertEquals(List.of(2), lessons("prompt"));
        assertEquals(List.of("bob"), lessons("author"));
        chromium.screenshot("local-lessons-thread-phone");

        String reply = PROMPT + "/ol[@class='replies']/li[@data-user='bob']";
        browser.findElement(By.xpath(reply + "//button[@class='tool' and @data-edit]")).click();
        Alert edit = wait.until(ExpectedConditions.alertIsPresent());
        edit.sendKeys("2. Paging the database team took 20 minutes");
        edit.accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(reply
                + "/div[@class='text'][. = '2. Paging the database team took 20 minutes']")));
        wait.until(d -> lessons("text").equals(List.of("Paging the database team took 20 minutes")));

        browser.findElement(By.xpath(reply + "//button[@class='tool' and @data-delete]")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> lessons("text").isEmpty());
        assertTrue(browser.findElement(By.id("error")).getAttribute("hidden") != null, "no error shown");
    }

    private static <T> List<T> lessons(String field) {
        return given().get("/api/incidents/INC-1").then().statusCode(200).extract().jsonPath().getList("lessons." + field);
    }
}
