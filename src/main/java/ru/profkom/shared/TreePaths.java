package ru.profkom.shared;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Conditions on materialized tree paths ({@code /1/5/77/}) that any module storing an
 * organization's path uses for "inside this subtree".
 */
public final class TreePaths {

    private TreePaths() {}

    /**
     * The paths inside a subtree, as a range rather than {@code LIKE 'prefix%'}: a plain btree serves
     * a range in any database, while PostgreSQL serves LIKE only under the "C" collation. Every path
     * ends with '/', which sorts just below '0', so {@code /1/5/} ≤ path < {@code /1/50} holds
     * exactly the paths that start with {@code /1/5/}.
     */
    public static Condition within(Field<String> path, String subtreePath) {
        if (!subtreePath.endsWith("/")) {
            throw new IllegalArgumentException("A tree path ends with '/': " + subtreePath);
        }
        String upperBound = subtreePath.substring(0, subtreePath.length() - 1) + "0";
        return path.ge(subtreePath).and(path.lt(upperBound));
    }

    /** The new value of a stored path when the subtree at {@code oldPath} moves to {@code newPath}. */
    public static Field<String> moved(Field<String> path, String oldPath, String newPath) {
        return DSL.val(newPath).concat(DSL.substring(path, oldPath.length() + 1));
    }
}
