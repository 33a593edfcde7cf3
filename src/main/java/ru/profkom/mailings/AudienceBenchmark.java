package ru.profkom.mailings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;

/**
 * {@code bench-mailing-audience [--rounds 3]}: resolving the audience "every current member of the first regional
 * organization, by e-mail" into outbox rows (consents, addresses, one row per person, the placeholders' values), beside
 * the database's own bulk path in the same run: a bare {@code INSERT … SELECT} of the same subtree's current
 * memberships joined to their people. Rounds alternate the two; the rows are deleted between rounds (not timed).
 * Prints the medians and their ratio and exits with 4 when the ratio is above 2. Also times the live count.
 */
@Component
@ConditionalOnProperty(name = "profkom.command", havingValue = "bench-mailing-audience")
class AudienceBenchmark implements ApplicationRunner, ExitCodeGenerator {

    static final double TARGET_RATIO = 2.0;

    private final AudienceRepository audiences;
    private final MailingRepository mailings;
    private final Organizations organizations;
    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private int exitCode;

    AudienceBenchmark(
            AudienceRepository audiences,
            MailingRepository mailings,
            Organizations organizations,
            DSLContext dsl,
            TransactionTemplate transactions,
            Clock clock) {
        this.audiences = audiences;
        this.mailings = mailings;
        this.organizations = organizations;
        this.dsl = dsl;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> values = args.getOptionValues("rounds");
        int rounds = values == null || values.isEmpty() ? 3 : Integer.parseInt(values.getLast());
        CurrentActor.asSystem(() -> measure(rounds));
    }

    private void measure(int rounds) {
        long root = organizations.scopeRoots().getFirst().id();
        OrganizationNode region = organizations.children(root, false, PageRequest.of(0, 50)).items().stream()
                .filter(node -> node.kind() == OrganizationKind.REGIONAL)
                .findFirst()
                .orElseThrow();
        String path = organizations.pathOf(region.id()).orElseThrow();
        MailingForm form = new MailingForm(
                "Бенчмарк",
                Audience.EVERYONE,
                Delivery.ALL_CHANNELS,
                "Тема",
                null,
                Map.of(Channel.EMAIL, "Текст"),
                null,
                null,
                null);
        long resolved = mailings.insert(region.id(), form, null, clock.instant());
        long bare = mailings.insert(region.id(), form, null, clock.instant());
        long members = dsl.fetchValue(
                                "select count(*) from membership where organization_path like ? and status in ('ACTIVE','SUSPENDED')",
                                path + "%")
                        instanceof Number count
                ? count.longValue()
                : 0;
        System.out.printf(Locale.ROOT, "Subtree %s: %,d current memberships%n", region.shortName(), members);
        consentEveryoneOnce(path);

        long start = System.nanoTime();
        AudienceReach reach = audiences.reach(
                path,
                Audience.EVERYONE,
                Set.of(Channel.EMAIL, Channel.SMS, Channel.TELEGRAM),
                Delivery.ALL_CHANNELS,
                MoscowTime.today(clock));
        double countMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "Live count (e-mail, SMS, Telegram): %,d people, %,d reachable by e-mail, in %.0f ms%n",
                reach.people(),
                reach.channels().get(Channel.EMAIL).reachable(),
                countMillis);

        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        long[] rows = new long[2];
        for (int round = 0; round < rounds; round++) {
            baseline.add(timed(() -> rows[1] = bareInsert(bare, path)));
            clear(bare);
            ours.add(timed(() -> rows[0] = transactions.execute(status -> audiences.resolve(
                    resolved,
                    path,
                    Audience.EVERYONE,
                    Set.of(Channel.EMAIL),
                    Delivery.ALL_CHANNELS,
                    MoscowTime.today(clock),
                    clock.instant()))));
            clear(resolved);
        }
        double ourMedian = median(ours);
        double baselineMedian = median(baseline);
        double ratio = ourMedian / baselineMedian;
        System.out.printf(
                Locale.ROOT,
                "Audience into the outbox: %,d rows in %.2f s (median of %d; %s); bare INSERT … SELECT: %,d rows in %.2f s"
                        + " (%s); ratio %.2f — target ≤ %.1f: %s%n",
                rows[0],
                ourMedian,
                rounds,
                ours,
                rows[1],
                baselineMedian,
                baseline,
                ratio,
                TARGET_RATIO,
                ratio <= TARGET_RATIO ? "PASS" : "MISS");
        if (ratio > TARGET_RATIO) {
            exitCode = 4;
        }
        dsl.execute("delete from mailing where id in (?, ?)", resolved, bare);
    }

    /**
     * The database's own path, written as plain SQL on purpose (the baseline reads the registry's tables directly,
     * which module code never does): every current membership of the subtree with its person, no consent, no
     * address check, no one-per-person.
     */
    private long bareInsert(long mailingId, String path) {
        return transactions.execute(status -> (long) dsl.execute(
                "insert into mailing_outbox (mailing_id, person_id, organization_id, channel, address, status, queued_at,"
                        + " recipient_name, recipient_full_name, card_number)"
                        + " select ?, m.person_id, m.organization_id, 'EMAIL', coalesce(p.email, ''), 'QUEUED',"
                        + " current_timestamp,"
                        + " p.first_name, p.last_name, m.card_number"
                        + " from membership m join person p on p.id = m.person_id"
                        + " where m.organization_path like ? and m.status in ('ACTIVE', 'SUSPENDED')",
                mailingId,
                path + "%"));
    }

    /**
     * Generated members come without consents: the first run gives every person of the subtree consent to
     * processing and to e-mail (not timed, plain SQL for the same reason as the baseline).
     */
    private void consentEveryoneOnce(String path) {
        for (String purpose : List.of("PROCESSING", "EMAIL")) {
            int added = transactions.execute(status -> dsl.execute(
                    "insert into consent (person_id, purpose, given_on, form, recorded_at)"
                            + " select distinct m.person_id, ?, current_date - 30, 'ELECTRONIC', current_timestamp"
                            + " from membership m where m.organization_path like ?"
                            + " and not exists (select 1 from consent c where c.person_id = m.person_id"
                            + " and c.purpose = ?)",
                    purpose,
                    path + "%",
                    purpose));
            if (added > 0) {
                System.out.printf(Locale.ROOT, "Consent to %s given to %,d people of the subtree%n", purpose, added);
            }
        }
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            dsl.execute("vacuum analyze consent");
        }
    }

    private void clear(long mailingId) {
        transactions.executeWithoutResult(
                status -> dsl.execute("delete from mailing_outbox where mailing_id = ?", mailingId));
        if (dsl.dialect().family() == org.jooq.SQLDialect.POSTGRES) {
            dsl.execute("vacuum analyze mailing_outbox");
        }
    }

    private static double timed(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Math.round((System.nanoTime() - start) / 1e7) / 100.0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
