package ru.profkom.publications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomSettings;

/** Reminds, once, the recipients who have not opened a package within its delay; safe on several nodes. */
@Component
class PackageReminders {

    private static final Logger log = LoggerFactory.getLogger(PackageReminders.class);

    private final InfoPackages packages;

    PackageReminders(InfoPackages packages) {
        this.packages = packages;
    }

    @Scheduled(fixedDelayString = ProfkomSettings.PACKAGE_REMINDER_POLL, initialDelayString = "PT2M")
    void remind() {
        int reminded = CurrentActor.asSystem(packages::remindDue);
        if (reminded > 0) {
            log.info("Reminded {} organizations of unopened information packages", reminded);
        }
    }
}
