package ru.profkom.members;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.profkom.members.ChannelUnsubscribes.ConsentWithdrawnByUnsubscribe;
import ru.profkom.members.ChannelUnsubscribes.Unsubscribed;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;

/**
 * Withdraws today the person's active consents of the purpose they unsubscribed from, through the facade (the
 * change history says «согласие отозвано», the cabinet shows the consent withdrawn). A second unsubscribe finds
 * nothing active and changes nothing, as does a person no longer in the registry.
 */
@Component
class ChannelUnsubscribeListener {

    private final Members members;
    private final MemberRepository repository;
    private final MemberViews views;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChannelUnsubscribeListener(
            Members members,
            MemberViews views,
            MemberRepository repository,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.members = members;
        this.views = views;
        this.repository = repository;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(Unsubscribed event) {
        CurrentActor.asSystem(() -> {
            LocalDate today = MoscowTime.today(clock);
            if (repository.person(event.personId()).isEmpty()) {
                // not (or no longer) in the registry: there is no consent to withdraw
                return;
            }
            List<Consent> active = views.load(event.personId()).consents().stream()
                    .filter(consent -> consent.purpose() == event.purpose() && consent.active())
                    .toList();
            active.forEach(consent -> members.withdrawConsent(consent.id(), today));
            if (!active.isEmpty()) {
                events.publishEvent(new ConsentWithdrawnByUnsubscribe(
                        event.personId(),
                        event.purpose(),
                        event.organizationId(),
                        organizations.pathOf(event.organizationId()).orElse(null),
                        event.source(),
                        event.actor()));
            }
        });
    }
}
