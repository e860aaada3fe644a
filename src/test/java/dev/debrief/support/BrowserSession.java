package dev.debrief.support;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person in headless Chromium on the test server: the steps the browser tests share. */
public final class BrowserSession implements AutoCloseable {

    private final WebDriver driver;
    private final String base;

    private BrowserSession(WebDriver driver, URL base) {
        this.driver = driver;
        this.base = base.toString().replaceAll("/$", "");
    }

    /** Starts Chromium (or skips the test, see {@link Chromium}) against the server at {@code base}. */
    public static BrowserSession start(URL base) throws IOException {
        return new BrowserSession(Chromium.start(), base);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void signIn(String user, String password) {
        open("/login");
        type("j_username", user);
        type("j_password", password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        waitFor(By.cssSelector("[data-testid=counts]"));
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public String text(String css) {
        return waitFor(By.cssSelector(css)).getText();
    }

    public void type(String id, String text) {
        driver.findElement(By.id(id)).sendKeys(text);
    }

    /** Date inputs take keystrokes in the browser's locale format; setting the value is locale-independent. */
    public void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }

    public void setValue(String id, String value) {
        setValue(driver.findElement(By.id(id)), value);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    public void screenshot(String name) throws IOException {
        Chromium.screenshot(driver, name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
