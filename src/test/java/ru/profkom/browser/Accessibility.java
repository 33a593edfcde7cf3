package ru.profkom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * axe-core inside the browser: injected by Playwright into the page as it is, run against WCAG 2.1 A and AA,
 * failing on a serious or critical violation with the rule, its help and the elements. axe-core comes from
 * the npm registry ({@code npm pack}, pinned below) into {@code target/axe-core} the first time, as the
 * build has no WebJar of it; the browser context bypasses the page's CSP only so the script can be injected.
 */
final class Accessibility {

    static final String AXE_VERSION = "4.11.0";
    private static final Path HOME = Paths.get("target", "axe-core");
    private static final Path SCRIPT = HOME.resolve("package").resolve("axe.min.js");
    private static String source;

    private Accessibility() {}

    /** Runs axe on the page and fails on a serious or critical violation of WCAG 2.1 A/AA. */
    static void assertNoSeriousViolations(Page page, String where) {
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(source()));
        Object violations = page.evaluate("""
                async () => {
                  const result = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    resultTypes: ['violations']
                  });
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — '
                      + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(' | ')
                      + ' (' + (v.nodes[0].any.concat(v.nodes[0].all)[0] || {message: ''}).message + ')');
                }
                """);
        assertThat((List<?>) violations)
                .as("axe-core, %s (%s)", where, page.url())
                .isEmpty();
    }

    /** Nothing on the page scrolls sideways at the viewport's width. */
    static void assertNoHorizontalScroll(Page page, String where) {
        Object fits = page.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth");
        assertThat(fits)
                .as("no horizontal scroll on %s (%s)", where, page.url())
                .isEqualTo(true);
    }

    private static synchronized String source() {
        if (source == null) {
            try {
                if (!Files.exists(SCRIPT)) {
                    fetch();
                }
                source = Files.readString(SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    private static void fetch() throws IOException {
        Files.createDirectories(HOME);
        run(
                "npm",
                "pack",
                "axe-core@" + AXE_VERSION,
                "--pack-destination",
                HOME.toAbsolutePath().toString());
        run(
                "tar",
                "-xzf",
                HOME.resolve("axe-core-" + AXE_VERSION + ".tgz")
                        .toAbsolutePath()
                        .toString(),
                "-C",
                HOME.toAbsolutePath().toString());
        if (!Files.exists(SCRIPT)) {
            throw new IllegalStateException("axe-core " + AXE_VERSION + " не найден в " + SCRIPT);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(HOME.resolve("fetch.log").toFile())
                .start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Не удалось получить axe-core: " + String.join(" ", command) + " ("
                        + HOME.resolve("fetch.log") + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
