package ru.profkom.settings;

import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import ru.profkom.settings.SettingsEvents.PublicAddressChanged;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.Role;

/** The settings page's service: only the union administrator reads and changes the installation's settings. */
@Service
public class InstallationSettings {

    static final int MAX_ADDRESS_LENGTH = 500;
    private static final Pattern ADDRESS = Pattern.compile(ProfkomSettings.BASE_URL_PATTERN);

    private final SettingsRepository repository;
    private final StoredPublicAddress publicAddress;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InstallationSettings(
            SettingsRepository repository,
            StoredPublicAddress publicAddress,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.publicAddress = publicAddress;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    public PublicAddressSetting publicAddress() {
        unionAdministrator();
        return publicAddress.setting();
    }

    /**
     * Sets the address used in every absolute link; an empty one clears it, so that the configured address (or
     * this server's) is used again.
     */
    @Transactional
    public PublicAddressSetting changePublicAddress(String address) {
        Actor actor = unionAdministrator();
        String cleaned = address == null ? "" : address.strip().replaceAll("/+$", "");
        if (cleaned.length() > MAX_ADDRESS_LENGTH) {
            throw ProfkomException.invalid("publicAddress", "settings.publicAddress.tooLong", MAX_ADDRESS_LENGTH);
        }
        if (!ADDRESS.matcher(cleaned).matches()) {
            throw ProfkomException.invalid("publicAddress", "settings.publicAddress.invalid");
        }
        String previous = publicAddress.setting().stored();
        String next = cleaned.isEmpty() ? null : cleaned;
        repository.save(StoredPublicAddress.SETTING, next, clock.instant(), actor.login());
        forgetAfterCommit();
        Long unionId = actor.grants().stream()
                .filter(grant -> grant.role() == Role.UNION_ADMIN)
                .map(Grant::organizationId)
                .findFirst()
                .orElse(null);
        events.publishEvent(new PublicAddressChanged(actor, unionId, previous, next));
        return publicAddress.setting();
    }

    /** Forgotten only once committed, so no reader caches the old address again in between. */
    private void forgetAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publicAddress.forget();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publicAddress.forget();
            }
        });
    }

    private Actor unionAdministrator() {
        Actor actor = currentActor.get();
        if (!actor.system() && !actor.holds(Role.UNION_ADMIN)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return actor;
    }
}
