package ru.profkom.mailings;

import org.springframework.context.ApplicationContext;

/** Runs the package-private send job for tests of the mailings' sub-packages, one batch after another. */
public final class SendJobForTests {

    private SendJobForTests() {}

    public static void runUntilDone(ApplicationContext context, long mailingId) {
        MailingSending sending = context.getBean(MailingSending.class);
        for (int run = 0; run < 20 && sending.runOnce(mailingId).isPresent(); run++) {
            // each run is one batch
        }
    }
}
