package dev.statewire.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromedriver (named explicitly; Selenium Manager cannot download drivers here). Skipped, with a
 * line saying how to enable it, where they are not installed.
 */
class CounterPageBrowserTest {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  /** Slow enough that the test can act mid-run, fast enough that the whole class takes seconds. */
  private static final Duration TICK = Duration.ofMillis(250);

  private static final boolean INSTALLED =
      Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);

  private static CounterServer server;
  private static ChromeDriver browser;

  @BeforeAll
  static void startServerAndBrowser() throws IOException {
    if (!INSTALLED) {
      System.out.println("CounterPageBrowserTest skipped: no " + CHROMIUM + " or " + CHROMEDRIVER
          + ". Enable it with `apt-get install chromium chromium-driver` (.ci/run does this as "
          + "root), or point -Dchromium.binary= and -Dchromedriver.binary= at them.");
      return;
    }
    server = CounterServer.builder().port(0).tickInterval(TICK).start();
    ChromeOptions options = new ChromeOptions()
        .setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
            "--window-size=800,480", "--force-device-scale-factor=1");
    ChromeDriverService driver = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Each test in a tab of its own, so each gets a session of its own. */
  @BeforeEach
  void openTab() {
    assumeTrue(INSTALLED, "Chromium and chromedriver are not installed");
    browser.switchTo().newWindow(WindowType.TAB);
    open();
  }

  @Test
  void startCountsToTheLimitAndStopsByItself() {
    assertEquals("0", counter());
    assertEquals("Start", button());
    assertEquals("10", browser.findElement(By.id("max")).getAttribute("value"));
    click("toggle");
    waitFor("the counter stops at 10", () -> counter().equals("10") && button().equals("Start"));
    List<Long> shown = rendered();
    assertEquals(0L, shown.get(0), shown::toString);
    assertEquals(10L, shown.get(shown.size() - 1), shown::toString);
    for (int i = 1; i < shown.size(); i++) {
      assertTrue(shown.get(i) > shown.get(i - 1), "climbs: " + shown);
    }
    assertTrue(shown.size() >= 3, "the page showed the counter climbing: " + shown);
  }

  @Test
  void raisingTheLimitMidRunMovesWhereItStops() throws IOException {
    click("toggle");
    waitFor("the counter starts", () -> number() >= 1);
    setMax("14");
    waitFor("the counter passes the old limit", () -> number() >= 11);
    Path shot = Path.of("target", "counter-page.png");
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot,
        StandardCopyOption.REPLACE_EXISTING);
    assertTrue(Files.size(shot) > 0);
    waitFor("the counter stops at 14", () -> counter().equals("14") && button().equals("Start"));
  }

  @Test
  void stopHoldsTheCountAndResetClearsIt() throws InterruptedException {
    click("toggle");
    waitFor("the counter runs", () -> number() >= 2 && button().equals("Stop"));
    click("toggle");
    waitFor("the button says Start again", () -> button().equals("Start"));
    String stopped = counter();
    Thread.sleep(3 * TICK.toMillis());
    assertEquals(stopped, counter(), "no step after Stop");
    assertTrue(Long.parseLong(stopped) < 10, stopped);
    click("reset");
    waitFor("the counter is 0", () -> counter().equals("0"));
    assertEquals("Start", button());
  }

  @Test
  void twoTabsAreIsolatedAndAReloadKeepsTheTabsCount() {
    String first = browser.getWindowHandle();
    setMax("3");
    click("toggle");
    waitFor("the first tab counts to 3", () -> counter().equals("3") && button().equals("Start"));
    String firstToken = token();

    browser.switchTo().newWindow(WindowType.TAB);
    open();
    String second = browser.getWindowHandle();
    assertNotEquals(firstToken, token(), "a new tab gets a session of its own");
    assertEquals("0", counter());
    assertEquals("10", browser.findElement(By.id("max")).getAttribute("value"));
    click("toggle");
    waitFor("the second tab runs", () -> number() >= 1);

    browser.switchTo().window(first);
    assertEquals("3", counter(), "the first tab did not move");
    assertEquals("Start", button());
    assertEquals("3", browser.findElement(By.id("max")).getAttribute("value"));

    browser.switchTo().window(second);
    waitFor("the second tab counts to 10", () -> counter().equals("10"));
    String secondToken = token();
    browser.navigate().refresh();
    waitFor("the page is live again", () -> status().startsWith("live"));
    assertEquals(secondToken, token(), "the reload kept the tab's token");
    assertEquals("10", counter(), "and its count");

    browser.switchTo().window(first);
    browser.navigate().refresh();
    waitFor("the first page is live again", () -> status().startsWith("live"));
    assertEquals(firstToken, token());
    assertEquals("3", counter());
  }

  private static void open() {
    browser.get(server.url().toString());
    waitFor("the page is live", () -> status().startsWith("live"));
  }

  private static void click(String id) {
    browser.findElement(By.id(id)).click();
  }

  /** Types a new limit the way a person does: select the old one, type, leave the field. */
  private static void setMax(String value) {
    browser.findElement(By.id("max"))
        .sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
  }

  private static String counter() {
    return browser.findElement(By.id("counter")).getText();
  }

  private static long number() {
    return Long.parseLong(counter());
  }

  private static String button() {
    return browser.findElement(By.id("toggle")).getText();
  }

  private static String status() {
    return browser.findElement(By.id("status")).getText();
  }

  private static String token() {
    return (String) ((JavascriptExecutor) browser)
        .executeScript("return sessionStorage.getItem('statewire.tab-token')");
  }

  @SuppressWarnings("unchecked")
  private static List<Long> rendered() {
    return (List<Long>) ((JavascriptExecutor) browser)
        .executeScript("return window.renderedCounters");
  }

  private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(20))
        .withMessage(what)
        .until((WebDriver d) -> condition.getAsBoolean());
  }
}
