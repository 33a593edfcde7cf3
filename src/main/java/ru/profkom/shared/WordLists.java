package ru.profkom.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Word lists of the generators, one entry a line in a classpath resource. The order of the lines is part of what
 * is generated: the same seed picks the same line numbers, so reordering a file changes every generated union.
 */
public final class WordLists {

    private WordLists() {}

    /** The non-blank lines of the resource (an absolute path), in file order; lines starting with {@code #} are comments. */
    public static List<String> read(String resource) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource.substring(1) + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> words = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            if (words.isEmpty()) {
                throw new IllegalStateException(resource.substring(1) + " has no words");
            }
            return List.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
