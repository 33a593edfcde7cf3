package ru.profkom.demo;

import java.util.List;

/** The demo union's word lists, one word a line in {@code demo/<name>.txt} ({@link ru.profkom.shared.WordLists}). */
final class WordLists {

    private WordLists() {}

    static List<String> read(String name) {
        return ru.profkom.shared.WordLists.read("/demo/" + name + ".txt");
    }
}
