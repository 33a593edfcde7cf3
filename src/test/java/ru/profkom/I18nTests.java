package ru.profkom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import ru.profkom.shared.ProfkomException;

/**
 * The message bundles: Russian and English hold the same keys, and every key the code and the
 * templates use exists in Russian. Skipped while there are no bundles yet; once there are, a
 * missing key fails.
 */
class I18nTests {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Calls whose string arguments include message keys. */
    private static final Pattern KEY_CALL =
            Pattern.compile("\\b(notFound|forbidden|conflict|invalid|reject|Refusal|Problem|getMessage|text)\\s*\\(");

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_]+)+");
    private static final Pattern CONSTANT =
            Pattern.compile("static\\s+final\\s+String\\s+([A-Z_][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([A-Z_][A-Z0-9_]*)\\b");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][A-Za-z0-9_.]*)(?:\\(|})");

    @Test
    void givesEveryRussianBundleTheSameKeysAsItsEnglishOne() throws IOException {
        List<Path> russian = bundles("_ru.properties");
        List<Path> english = bundles("_en.properties");

        Map<String, String> differences = new TreeMap<>();
        for (Path ru : russian) {
            Path en = ru.resolveSibling(ru.getFileName().toString().replace("_ru.properties", "_en.properties"));
            if (!Files.exists(en)) {
                differences.put(ru.getFileName().toString(), "has no English counterpart");
                continue;
            }
            Set<String> onlyRussian = new TreeSet<>(load(ru).stringPropertyNames());
            onlyRussian.removeAll(load(en).stringPropertyNames());
            Set<String> onlyEnglish = new TreeSet<>(load(en).stringPropertyNames());
            onlyEnglish.removeAll(load(ru).stringPropertyNames());
            if (!onlyRussian.isEmpty()) {
                differences.put(en.getFileName().toString(), "lacks " + onlyRussian);
            }
            if (!onlyEnglish.isEmpty()) {
                differences.put(ru.getFileName().toString(), "lacks " + onlyEnglish);
            }
        }
        for (Path en : english) {
            Path ru = en.resolveSibling(en.getFileName().toString().replace("_en.properties", "_ru.properties"));
            if (!Files.exists(ru)) {
                differences.put(en.getFileName().toString(), "has no Russian counterpart");
            }
        }

        assertThat(differences)
                .as("differences between the Russian and English bundles")
                .isEmpty();
    }

    @Test
    void findsEveryMessageKeyOfTheJavaCodeInRussian() throws IOException {
        Properties russian = russian();
        Map<String, String> usedAt = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                keysIn(source)
                        .forEach(key ->
                                usedAt.putIfAbsent(key, SOURCES.relativize(file).toString()));
            }
        }
        assertThat(usedAt).as("message keys found in the code").containsKeys("organization.notFound", "access.denied");

        Map<String, String> missing = new TreeMap<>(usedAt);
        missing.keySet().removeIf(russian::containsKey);
        assertThat(missing)
                .as("message keys used in the code (key → first file) missing from *_ru.properties")
                .isEmpty();
    }

    @Test
    void findsTheMessageKeysOfEveryEnumAndRefusalKindInRussian() throws Exception {
        Properties russian = russian();
        List<String> missing = new ArrayList<>();
        for (ProfkomException.Kind kind : ProfkomException.Kind.values()) {
            if (!russian.containsKey("error.title." + kind.name())) {
                missing.add("error.title." + kind.name());
            }
        }
        int enums = 0;
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.profkom")) {
            if (!type.isEnum()) {
                continue;
            }
            Class<?> enumType = type.reflect();
            Method messageKey;
            try {
                messageKey = enumType.getMethod("messageKey");
            } catch (NoSuchMethodException none) {
                continue;
            }
            enums++;
            for (Object constant : enumType.getEnumConstants()) {
                String key = (String) messageKey.invoke(constant);
                if (!russian.containsKey(key)) {
                    missing.add(key);
                }
            }
        }
        assertThat(enums).as("enums with message keys").isGreaterThanOrEqualTo(3);
        assertThat(missing)
                .as("keys of enum constants and refusal kinds missing from *_ru.properties")
                .isEmpty();
    }

    @Test
    void findsEveryAuditActionInRussian() throws IOException {
        Properties russian = russian();
        assertThat(ru.profkom.audit.AuditAction.values())
                .as("audit actions missing from *_ru.properties")
                .allMatch(action -> russian.containsKey(action.messageKey()), "present in Russian");
    }

    @Test
    void findsEveryMessageKeyOfTheTemplatesInRussian() throws IOException {
        Properties russian = russian();
        assumeTrue(Files.isDirectory(TEMPLATES), "no templates yet");
        Map<String, String> missing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!russian.containsKey(matcher.group(1))) {
                        missing.putIfAbsent(
                                matcher.group(1), TEMPLATES.relativize(file).toString());
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys of the templates (key → first file) missing from *_ru.properties")
                .isEmpty();
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** Keys among the arguments of the key-taking calls: string literals and constants of the same file. */
    static Set<String> keysIn(String source) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        Set<String> keys = new TreeSet<>();
        Matcher call = KEY_CALL.matcher(source);
        while (call.find()) {
            String arguments = arguments(source, call.end());
            Matcher string = STRING.matcher(arguments);
            while (string.find()) {
                if (KEY.matcher(string.group(1)).matches()) {
                    keys.add(string.group(1));
                }
            }
            Matcher identifier = IDENTIFIER.matcher(STRING.matcher(arguments).replaceAll("\"\""));
            while (identifier.find()) {
                String value = constants.get(identifier.group(1));
                if (value != null && KEY.matcher(value).matches()) {
                    keys.add(value);
                }
            }
        }
        return keys;
    }

    /** The text between the opening parenthesis just before {@code start} and its closing one. */
    private static String arguments(String source, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(start, i);
            }
        }
        return source.substring(start);
    }

    private static Properties russian() throws IOException {
        List<Path> russian = bundles("_ru.properties");
        Properties all = new Properties();
        for (Path file : russian) {
            all.putAll(load(file));
        }
        return all;
    }

    private static List<Path> bundles(String suffix) throws IOException {
        assumeTrue(Files.isDirectory(BUNDLES), "no message bundles yet under " + BUNDLES);
        List<Path> files;
        try (Stream<Path> list = Files.list(BUNDLES)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
        assumeTrue(!files.isEmpty(), "no *" + suffix + " bundles yet under " + BUNDLES);
        return files;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
