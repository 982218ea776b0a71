package dev.ao4j.node;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium against the whole node with the real aos 2.0.6: a key file picked in the page
 * signs a spawn and an Eval whose output appears; a message from one process to another is followed through its
 * link; data and tags that hold markup are shown as text and run nothing; every page renders without a console
 * error (each test ends by checking the browser's log); an item the page signs is, byte for byte, one the
 * project's ANS-104 reader verifies; a wallet extension (window.arweaveWallet) signs instead of a key file. Screenshots are written to target/console-screenshots.
 */
@QuarkusTest
@TestProfile(NodeUpProfile.class)
@org.junit.jupiter.api.Tag("slow") // aos's first evaluations take most of a minute
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String HOSTILE_NAME = "<img src=x onerror=\"window.pwned='name'\">";
    private static final String HOSTILE_ACTION = "<script>window.pwned='action'</script>";
    private static final String HOSTILE_TAG = "<img src=x onerror=window.pwned='tag'>";
    private static final String HOSTILE_DATA = "<img src=x onerror=\"window.pwned='data'\"><script>window.pwned='data'</script>";
    private static final String ID = "[A-Za-z0-9_-]{43}";

    private static HeadlessChromium chromium;
    private static Wallet wallet;
    private static Path keyFile;
    private static String first;
    private static String second;

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        chromium = new HeadlessChromium();
        wallet = Wallets.generate();
        keyFile = Files.createTempFile("console-wallet", ".json");
        Wallets.write(wallet, keyFile);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        chromium.close();
        Files.deleteIfExists(keyFile);
    }

    @AfterEach
    void noPageLoggedAnError() {
        assertEquals(List.of(), chromium.script("return window.consoleErrors || []"), "errors the page caught");
        assertEquals(List.of(), chromium.severeLogs(), "the browser's console");
    }

    @Test
    @Order(0)
    void theConsoleIsServedWithAStrictPolicy() {
        String port = String.valueOf(base.getPort());
        for (String path : List.of("/console", "/console/node", "/console/process/" + "A".repeat(43),
                "/console/js/main.js")) {
            given().when().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString(":" + port + "/console/;"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff");
        }
        given().when().get("/console/process/" + "A".repeat(43)).then()
                .contentType(containsString("text/html")).body(containsString("/console/js/main.js"));
    }

    @Test
    @Order(1)
    void aKeyFilePickedInThePageSpawnsAProcessAndItsEvalOutputAppears() {
        open("console");
        chromium.driver().findElement(By.id("wallet-file")).sendKeys(keyFile.toAbsolutePath().toString());
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wallet-address"), wallet.address()));
        first = spawn("console-a");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("process-header"), wallet.address()));

        evaluate("1 + 41");
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#action-result pre.output"), "42"));
        // The Eval reaches the log without a reload: slot 0 (the spawn) and slot 1.
        waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#log tr.slot"), 1));
        screenshot("process-eval");
    }

    @Test
    @Order(2)
    void aMessageToAnotherProcessAndASpawnedOneAreFollowedThroughTheirLinks() {
        open("console");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wallet-address"), wallet.address()));
        second = spawn(HOSTILE_NAME);

        open("console/process/" + first);
        evaluate("Send({ Target = '" + second + "', Data = 'ping from A' })");
        By link = By.cssSelector("#action-result .messages a[data-process='" + second + "']");
        waitFor().until(ExpectedConditions.elementToBeClickable(link)).click();

        waitFor().until(ExpectedConditions.urlToBe(base + "console/process/" + second));
        // B's log shows the message the MU delivered, from A, linked back to A.
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#log a[data-process='" + first + "']")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#correspondents a[data-process='" + first + "']")));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#flow a.flow-peer")));
        screenshot("process-received");

        // A process A spawns is listed on A's page and names A as its spawner.
        open("console/process/" + first);
        evaluate("Spawn(ao.env.Process.Tags.Module, { Data = 'child', Tags = { Name = 'console-child' } })");
        waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#spawned a"))).click();
        waitFor().until(ExpectedConditions.urlMatches("/console/process/" + ID + "$"));
        waitFor().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#process-header a[data-process='" + first + "']")));
    }

    @Test
    @Order(3)
    void markupInDataAndTagsIsShownAsTextAndRunsNothing() {
        open("console/process/" + first);
        type("msg-action", HOSTILE_ACTION);
        type("msg-tags", "X-Evil=" + HOSTILE_TAG);
        type("msg-data", HOSTILE_DATA);
        chromium.driver().findElement(By.id("msg-send")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-result"), "result of"));

        WebElement row = waitFor().until(driver -> (WebElement) chromium.script("return [...document.querySelectorAll("
                + "'#log tr.slot')].find(r => r.cells[4].textContent === arguments[0] && r.cells[5].textContent)",
                HOSTILE_ACTION));
        row.click();
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#log pre.data"), HOSTILE_DATA));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#log table.tags"), HOSTILE_TAG));
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#log .attestation dl"),
                "memorySha256"));
        assertNothingRan();
        chromium.script("arguments[0].scrollIntoView()", row);
        screenshot("markup-as-text");

        open("console");
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("processes"), HOSTILE_NAME));
        assertNothingRan();
    }

    @Test
    @Order(4)
    void everyPageRenders() {
        open("console");
        waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#processes tr"), 1));
        chromium.driver().findElement(By.id("filter")).sendKeys("console-a");
        waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#processes tr"), 1));
        screenshot("processes");

        open("console/node");
        waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#units tr"), 4));
        waitFor().until(ExpectedConditions.textToBe(By.id("health-status"), "UP"));
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("[data-metric='ao4j_mu_queue_dead_letters']"), "0"));
        screenshot("node");

        for (String process : List.of(first, second)) {
            open("console/process/" + process);
            waitFor().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#log tr.slot"), 1));
            assertTrue(chromium.driver().findElement(By.id("process-id")).getText().equals(process));
        }
        // A page of the log is shared by its first slot; First turns back to slot 0.
        open("console/process/" + first + "?slot=2");
        By firstSlot = By.cssSelector("#log tr.slot td");
        waitFor().until(ExpectedConditions.textToBe(firstSlot, "2"));
        chromium.driver().findElement(By.id("log-first")).click();
        waitFor().until(ExpectedConditions.textToBe(firstSlot, "0"));
        waitFor().until(ExpectedConditions.urlToBe(base + "console/process/" + first + "?slot=0"));
    }

    @Test
    @Order(5)
    void anItemSignedInThePageIsTheItemJavaReads() throws Exception {
        open("console/node");
        waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#units tr"), 4));
        @SuppressWarnings("unchecked")
        Map<String, Object> signed = (Map<String, Object>) chromium.driver().executeAsyncScript("""
                const [target, done] = arguments;
                Promise.all([import('/console/js/wallet.js'), import('/console/js/ans104.js')]).then(async ([w, a]) => {
                  const signer = await w.storedSigner();
                  const item = await signer.signItem({ target, anchor: 'a'.repeat(32),
                    tags: [{ name: 'Ünïcode', value: '✓ ok' }, { name: 'Action', value: 'Eval' }],
                    data: Uint8Array.of(0, 1, 2, 255) });
                  done({ id: item.id, bytes: a.b64urlEncode(item.bytes) });
                }).catch((e) => done({ error: String(e) }));""", first);
        assertNull(signed.get("error"));
        DataItem item = DataItem.parse(Base64Url.decode((String) signed.get("bytes")));
        assertTrue(item.verify(), "the page's signature verifies");
        assertEquals(signed.get("id"), item.id());
        assertEquals(wallet.address(), item.ownerAddress());
        assertEquals(Optional.of(first), item.target());
        assertEquals("a".repeat(32), new String(item.anchorBytes().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(new Tag("Ünïcode", "✓ ok"), new Tag("Action", "Eval")), item.tags());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, item.data());
    }

    @Test
    @Order(6)
    void aBrowserWalletExtensionSignsWhenThePageHasOne() {
        // A stand-in for an extension such as ArConnect: window.arweaveWallet, there before the page's scripts,
        // signing with the same key so that aos accepts the Eval from its owner.
        String extension = """
                window.arweaveWallet = (() => {
                  const jwk = %s;
                  const signer = () => import('/console/js/wallet.js').then((w) => w.jwkSigner(jwk));
                  return {
                    connect: async () => {},
                    getActiveAddress: async () => (await signer()).address,
                    signDataItem: async (item) => (await (await signer()).signItem(item)).bytes.buffer,
                  };
                })();""".formatted(wallet.toJwk().toString());
        chromium.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", extension));
        open("console/process/" + first);
        waitFor().until(ExpectedConditions.elementToBeClickable(By.id("wallet-extension"))).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("wallet-address"),
                wallet.address() + " (browser wallet)"));
        evaluate("6 * 7");
        waitFor().until(ExpectedConditions.textToBe(By.cssSelector("#action-result pre.output"), "42"));
    }

    private void assertNothingRan() {
        assertNull(chromium.script("return window.pwned"), "markup from a message ran");
        assertEquals(0L, chromium.script("return document.querySelectorAll('main img, main script').length"));
    }

    /** Spawns aos 2.0.6 from the list page; answers the new process's id, read from the page it opens. */
    private String spawn(String name) {
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#spawn-module option")));
        new Select(chromium.driver().findElement(By.id("spawn-module"))).selectByVisibleText(ModuleCatalog.DEFAULT_MODULE);
        type("spawn-name", name);
        chromium.driver().findElement(By.id("spawn")).click();
        waitFor().until(ExpectedConditions.urlMatches("/console/process/" + ID + "$"));
        String url = chromium.driver().getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private void evaluate(String lua) {
        type("eval-code", lua);
        chromium.driver().findElement(By.id("eval-send")).click();
    }

    private void type(String id, String text) {
        WebElement field = waitFor().until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private void open(String path) {
        chromium.driver().get(base + path);
    }

    private WebDriverWait waitFor() {
        return new WebDriverWait(chromium.driver(), PATIENCE);
    }

    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "console-screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), chromium.driver().getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
