package ru.profkom.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code src/main/resources} is inside the packaged jar. The jar plugin leaves out some names
 * by default ({@code package.html} was one: its page was a 500 in the jar while every test passed from
 * {@code target/classes}); this finds the next such file at build time.
 */
class PackagedJarContentsIT {

    private static final Path RESOURCES = Path.of("src", "main", "resources");

    @Test
    void holdsEveryResourceFile() throws IOException {
        Set<String> entries;
        try (JarFile jar = new JarFile(PackagedJar.jar().toFile())) {
            entries = jar.stream().map(entry -> entry.getName()).collect(Collectors.toSet());
        }
        List<String> missing;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            missing = files.filter(Files::isRegularFile)
                    .map(file -> RESOURCES.relativize(file).toString().replace('\\', '/'))
                    // Boot's repackaging keeps META-INF at the jar's root, where the launching class loader
                    // (the jar itself is on the class path) finds it; everything else goes to BOOT-INF/classes.
                    .map(name -> name.startsWith("META-INF/") ? name : "BOOT-INF/classes/" + name)
                    .filter(entry -> !entries.contains(entry))
                    .sorted()
                    .toList();
        }

        assertThat(missing)
                .as("файлы src/main/resources, которых нет в " + PackagedJar.jar())
                .isEmpty();
    }
}
