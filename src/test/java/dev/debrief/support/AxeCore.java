package dev.debrief.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core from the npm registry, injected into the page the browser shows, run with the WCAG 2.1 A and AA
 * rules. The package is installed once into {@code target/axe} with npm; like Chromium, a missing npm skips
 * the accessibility tests on a developer machine and fails them in CI.
 */
public final class AxeCore {

    static final String VERSION = "4.11.0";
    private static final Path DIR = Path.of("target", "axe");
    private static final Path SCRIPT = DIR.resolve("node_modules/axe-core/axe.min.js");
    private static String source;

    private AxeCore() {
    }

    /** The violations of the page now shown, one line each: rule, impact, and the elements that break it. */
    public static List<String> violations(WebDriver driver) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(script());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                        targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
                   .catch(e => done([{id: 'axe-failed', impact: 'error', targets: String(e)}]));
                """);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        return violations.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("targets"))
                .collect(Collectors.toList());
    }

    private static synchronized String script() throws IOException, InterruptedException {
        if (source == null) {
            if (!Files.exists(SCRIPT)) {
                install();
            }
            source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        }
        return source;
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefer-offline",
                    "--prefix", DIR.toString(), "axe-core@" + VERSION)
                    .redirectErrorStream(true).redirectOutput(DIR.resolve("npm.log").toFile()).start();
        } catch (IOException noNpm) {
            String message = "Accessibility tests need npm to install axe-core (apt-get install npm)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ", and CI must run them.");
            }
            System.err.println("SKIPPED: " + message + ".");
            Assumptions.abort(message);
            return;
        }
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.exists(SCRIPT)) {
            fail("npm could not install axe-core@" + VERSION + "; see " + DIR.resolve("npm.log"));
        }
    }
}
