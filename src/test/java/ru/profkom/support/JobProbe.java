package ru.profkom.support;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A one-time job of the test context that records the data of every execution, to watch the scheduler work. */
public final class JobProbe {

    public final List<String> executed = new CopyOnWriteArrayList<>();

    public final OneTimeTask<String> task =
            Tasks.oneTime("test-probe", String.class).execute((instance, context) -> executed.add(instance.getData()));
}
