package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreePathsTests {

    /** The range the condition renders, compared the way both databases compare these strings. */
    private static boolean inRange(String path, String subtree) {
        String upper = subtree.substring(0, subtree.length() - 1) + "0";
        return path.compareTo(subtree) >= 0 && path.compareTo(upper) < 0;
    }

    @Test
    void rangeHoldsExactlyThePathsThatStartWithTheSubtree() {
        Random random = new Random(7);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder path = new StringBuilder("/");
            int depth = 1 + random.nextInt(5);
            for (int level = 0; level < depth; level++) {
                path.append(1 + random.nextInt(random.nextBoolean() ? 9 : 200_000))
                        .append('/');
            }
            paths.add(path.toString());
        }
        paths.addAll(List.of("/1/5/", "/1/5/7/", "/1/50/", "/1/51/3/", "/1/4/", "/1/6/", "/1/", "/2/5/"));
        for (String subtree : List.of("/1/5/", "/1/", "/3/17/", paths.get(42), paths.get(4242))) {
            for (String path : paths) {
                assertThat(inRange(path, subtree)).as(path + " in " + subtree).isEqualTo(path.startsWith(subtree));
            }
        }
    }

    @Test
    void refusesAPathWithoutItsClosingSlash() {
        assertThatThrownBy(() -> TreePaths.within(org.jooq.impl.DSL.field("path", String.class), "/1/5"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
