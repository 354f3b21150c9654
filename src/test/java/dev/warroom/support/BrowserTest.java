package dev.warroom.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;

/** Base of tests in a real browser: one headless Chromium per test class, at a phone's size before each test. */
public abstract class BrowserTest extends ScenarioTest {

    protected static HeadlessChromium chromium;
    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = HeadlessChromium.start(HeadlessChromium.PHONE);
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void phoneSized() {
        browser.manage().window().setSize(HeadlessChromium.PHONE);
    }
}
