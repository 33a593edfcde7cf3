package ru.profkom.channelregistry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.TaskScope;
import ru.profkom.shared.TaskSource;
import ru.profkom.shared.WorkItem;

/**
 * The Roskomnadzor warning on the home of the staff of a channel's organization and of those above it: from 9,000
 * subscribers a notice; over 10,000 a task due 10 working days after the count passed it.
 */
@Component
class ChannelTasks implements TaskSource {

    static final String KIND = "CHANNEL_ROSKOMNADZOR";

    private final ChannelRegistry registry;
    private final Organizations organizations;

    ChannelTasks(ChannelRegistry registry, Organizations organizations) {
        this.registry = registry;
        this.organizations = organizations;
    }

    @Override
    public List<WorkItem> tasks(TaskScope scope) {
        List<WorkItem> items = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (long organizationId : scope.organizationIds()) {
            try {
                for (RegisteredChannel channel :
                        registry.warnings(organizationId, scope.firstPage()).items()) {
                    if (seen.add(channel.id())) {
                        items.add(item(channel, scope));
                    }
                }
            } catch (ProfkomException refused) {
                // Only staff who edit the organization keep its channels.
            }
        }
        return items;
    }

    private WorkItem item(RegisteredChannel channel, TaskScope scope) {
        String organizationName = organizations.get(channel.organizationId()).shortName();
        String title = channel.name() + " — "
                + String.format(java.util.Locale.forLanguageTag("ru"), "%,d", channel.subscribers())
                        .replace(',', '\u00a0');
        String link = "/orgs/" + channel.organizationId() + "/channels/" + channel.id();
        java.time.Instant at = channel.countedOn() == null ? scope.now() : MoscowTime.startOf(channel.countedOn());
        if (channel.mustRegister()) {
            var passed = registry.passedRegistrationThreshold(channel.organizationId(), channel.id());
            if (passed.isPresent()) {
                return WorkItem.due(
                        KIND,
                        String.valueOf(channel.id()),
                        title,
                        channel.organizationId(),
                        organizationName,
                        at,
                        RoskomnadzorRule.registrationDeadline(passed.get()),
                        link,
                        scope);
            }
        }
        return WorkItem.notice(KIND, channel.id(), title, channel.organizationId(), organizationName, at, link);
    }
}
