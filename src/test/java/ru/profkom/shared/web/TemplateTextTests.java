package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the message bundles: a template may hold sample text for
 * designers only inside an element whose text Thymeleaf replaces.
 */
class TemplateTextTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** An opening tag, then the text up to the next tag. */
    private static final Pattern TEXT_AFTER_TAG = Pattern.compile("<([a-zA-Z](?:[^>\"']|\"[^\"]*\"|'[^']*')*)>([^<]*)");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    @Test
    void templatesHoldNoTextOutsideMessageBundles() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
                Matcher matcher = TEXT_AFTER_TAG.matcher(html);
                while (matcher.find()) {
                    String tag = matcher.group(1);
                    String text = matcher.group(2).strip();
                    boolean replaced =
                            tag.contains("th:text") || tag.contains("th:utext") || tag.contains("sec:authentication");
                    if (!text.isEmpty() && LETTER.matcher(text).find() && !replaced) {
                        offenders.add(TEMPLATES.relativize(file) + ": «" + text + "» after <" + tag + ">");
                    }
                }
            }
        }
        assertThat(offenders).as("text that does not come from i18n bundles").isEmpty();
    }

    @Test
    void findsTextOutsideMessageBundles() {
        Matcher matcher = TEXT_AFTER_TAG.matcher("<div class=\"x\">Сохранить</div>");
        assertThat(matcher.find()).isTrue();
        assertThat(matcher.group(1)).doesNotContain("th:text");
        assertThat(LETTER.matcher(matcher.group(2)).find()).isTrue();
    }
}
