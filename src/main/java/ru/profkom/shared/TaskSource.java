package ru.profkom.shared;

import java.util.List;

/**
 * An extension point of the home («Главная»): a module lists what is waiting for the signed-in person in its
 * area. The workspace collects every bean of this type, so a new module adds its tasks without touching the
 * home. It lives in {@code shared} so that any module may implement it while the workspace depends on them.
 *
 * <p>An implementation reads through its module's facade, which checks access for the current actor, lists at
 * most {@link TaskScope#limit()} items per organization of the scope and returns none it may not read.
 */
public interface TaskSource {

    List<WorkItem> tasks(TaskScope scope);
}
