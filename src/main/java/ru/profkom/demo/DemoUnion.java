package ru.profkom.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.indicators.Channel;
import ru.profkom.indicators.IndicatorEntry;
import ru.profkom.indicators.Indicators;
import ru.profkom.members.GeneratedMembers;
import ru.profkom.members.Member;
import ru.profkom.members.MemberAccountLinks;
import ru.profkom.members.MemberEnums.ConsentForm;
import ru.profkom.members.MemberEnums.ConsentPurpose;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.Members;
import ru.profkom.members.MembershipData;
import ru.profkom.members.PersonData;
import ru.profkom.members.generators.MemberGenerator;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationLoader;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;

/**
 * A generated union in the database together with six accounts to sign in with, one per kind of
 * user, all inside one line of the tree: the union, a region, a town, and a primary organization
 * where the chair, the info worker and a member work.
 */
@Service
public class DemoUnion {

    public static final String PASSWORD = "profkom-demo";
    /** Members of the demo line's primary organization in a union of real-sized employers (the federation). */
    static final int DEMO_MEMBERS = 120;
    /** The demo union's primary organizations have this share of their employers' staff as members. */
    static final double LOWEST_LEVEL = 0.60;

    static final double HIGHEST_LEVEL = 0.85;
    static final long DEMO_MEMBERS_SEED = 20261122L;
    static final String EMAIL_DOMAIN = "@demo.profkom.local";

    /** Where in the line of the tree an account holds its role. */
    enum Level {
        UNION,
        REGIONAL,
        TERRITORIAL,
        PRIMARY
    }

    /** A demo account; a null name means «take the person the generator put into that office». */
    record DemoLogin(String login, Role role, Level level, String fullName) {}

    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("admin", Role.UNION_ADMIN, Level.UNION, "Соколова Елена Викторовна"),
            new DemoLogin("region", Role.ORG_ADMIN, Level.REGIONAL, "Морозов Андрей Николаевич"),
            new DemoLogin("city", Role.ORG_ADMIN, Level.TERRITORIAL, "Белова Ирина Сергеевна"),
            new DemoLogin("chair", Role.CHAIR, Level.PRIMARY, null),
            new DemoLogin("info", Role.INFO_WORKER, Level.PRIMARY, null),
            new DemoLogin("member", Role.MEMBER, Level.PRIMARY, "Кузнецов Дмитрий Олегович"));

    /** What a load did: how many organizations, in how long, and where the demo accounts sit. */
    public record Loaded(int organizations, long millis, long regionalId, long territorialId, long primaryId) {}

    private final OrganizationLoader loader;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ActingAccount acting;
    private final Members members;
    private final MemberAccountLinks memberAccounts;
    private final Indicators indicators;
    private final GeneratedMembers generatedMembers;
    private final DemoContent content;
    private final Clock clock;

    DemoUnion(
            OrganizationLoader loader,
            Organizations organizations,
            Accounts accounts,
            ActingAccount acting,
            Members members,
            MemberAccountLinks memberAccounts,
            Indicators indicators,
            GeneratedMembers generatedMembers,
            DemoContent content,
            Clock clock) {
        this.clock = clock;
        this.generatedMembers = generatedMembers;
        this.content = content;
        this.loader = loader;
        this.organizations = organizations;
        this.accounts = accounts;
        this.acting = acting;
        this.members = members;
        this.memberAccounts = memberAccounts;
        this.indicators = indicators;
    }

    /** Whether the database holds no organization yet, which is when a union may be loaded. */
    public boolean databaseEmpty() {
        return CurrentActor.asSystem(() -> organizations.count() == 0);
    }

    /**
     * Loads a generated union and its demo accounts into an empty database, in one transaction;
     * empty when the database already holds organizations. {@code observer} sees every generated
     * organization as it passes, for callers that want the tree's shape without reading it back.
     */
    @Transactional
    public Optional<Loaded> load(UnionScale scale, Sector sector, Consumer<GeneratedOrganization> observer) {
        return CurrentActor.asSystem(() -> {
            if (organizations.count() > 0) {
                return Optional.<Loaded>empty();
            }
            long started = System.nanoTime();
            LineOfTree line = new LineOfTree();
            List<GeneratedOrganization> primaries = new ArrayList<>();
            int count = loader.load(UnionGenerator.organizations(scale, sector)
                    .peek(line::see)
                    .peek(organization -> {
                        if (scale == UnionScale.DEMO && organization.kind() == OrganizationKind.PRIMARY) {
                            primaries.add(organization);
                        }
                    })
                    .peek(observer)
                    .map(GeneratedOrganization::toDraft));
            for (DemoLogin login : LOGINS) {
                long organizationId = line.idAt(login.level());
                String fullName = login.fullName() != null
                        ? login.fullName()
                        : login.role() == Role.CHAIR ? line.primary.chairName() : infoWorkerOf(line.primary);
                accounts.createAccount(
                        organizationId,
                        new NewAccount(login.login(), fullName, login.login() + EMAIL_DOMAIN, PASSWORD, login.role()));
            }
            registerMembers(line.primary, primaries);
            enterIndicators(line.territorial.id());
            content.seed(line.regional.id(), line.primary.id(), MoscowTime.today(clock));
            return Optional.of(new Loaded(
                    count,
                    (System.nanoTime() - started) / 1_000_000,
                    line.regional.id(),
                    line.territorial.id(),
                    line.primary.id()));
        });
    }

    /**
     * Fills the primary organizations with generated members in proportion to their headcount (in the demo
     * union every one, 60–85 % of its staff, as real ones stand; in the federation only the demo line's, with
     * {@link #DEMO_MEMBERS}), the demo member among them with their account linked, so that the registry, the
     * statistics, the rating, the card and the cabinet have people.
     */
    private void registerMembers(GeneratedOrganization demoPrimary, List<GeneratedOrganization> primaries) {
        long primaryId = demoPrimary.id();
        LocalDate today = MoscowTime.today(clock);
        MemberGenerator generator = new MemberGenerator(DEMO_MEMBERS_SEED, today);
        if (primaries.isEmpty()) {
            generatedMembers.register(primaryId, generator.people(DEMO_MEMBERS, MemberGenerator.EmployerType.HOSPITAL));
        }
        for (GeneratedOrganization primary : primaries) {
            // The demo member below is one of the demo primary organization's.
            int count = membersOf(primary) - (primary.id() == primaryId ? 1 : 0);
            generatedMembers.register(primary.id(), generator.people(count, MemberGenerator.EmployerType.HOSPITAL));
        }
        MemberGenerator.GeneratedPerson demoMember = generator.next(MemberGenerator.EmployerType.HOSPITAL);
        PersonData data = demoMember.toPersonData();
        Member member = members.register(
                primaryId,
                new PersonData(
                        "Кузнецов",
                        "Дмитрий",
                        "Олегович",
                        data.birthDate(),
                        Gender.M,
                        data.snils(),
                        data.phone(),
                        "member" + EMAIL_DOMAIN,
                        data.position(),
                        data.department()),
                new MembershipData(MembershipStatus.ACTIVE, demoMember.joinedOn(), "DEMO-0001", demoMember.category()));
        members.giveConsent(member.id(), ConsentPurpose.PROCESSING, demoMember.joinedOn(), ConsentForm.PAPER, null);
        members.giveConsent(member.id(), ConsentPurpose.EMAIL, demoMember.joinedOn(), ConsentForm.ELECTRONIC, null);
        memberAccounts.link(member.id(), "member");
    }

    /**
     * Gives the primary organizations of the demo territorial organization information-work data for
     * this month and the two before (budget, spending, stands, periodicals, training, channels), drawn
     * from a seed per organization, so that the indicators, the rating and its trend show something.
     */
    private void enterIndicators(long territorialId) {
        YearMonth current = MoscowTime.month(clock);
        LocalDate today = MoscowTime.today(clock);
        List<OrganizationNode> primaries =
                organizations.children(territorialId, false, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                        .filter(node -> node.kind() == OrganizationKind.PRIMARY)
                        .toList();
        for (OrganizationNode primary : primaries) {
            for (int monthsAgo = 2; monthsAgo >= 0; monthsAgo--) {
                YearMonth period = current.minusMonths(monthsAgo);
                Random random = new Random(DEMO_MEMBERS_SEED * 31 + primary.id() * 7 + monthsAgo);
                long budget = 200_000 + random.nextInt(40) * 25_000L;
                long spending = budget * random.nextInt(9) / 100;
                LocalDate end = period.atEndOfMonth().isAfter(today) ? today : period.atEndOfMonth();
                indicators.saveEntry(
                        primary.id(),
                        period,
                        new IndicatorEntry(
                                BigDecimal.valueOf(budget),
                                BigDecimal.valueOf(spending),
                                1 + random.nextInt(3),
                                end.minusDays(random.nextInt(25)),
                                random.nextInt(12),
                                random.nextInt(3)));
                int channels = random.nextInt(4);
                for (int i = 0; i < channels; i++) {
                    Channel.Kind kind = DEMO_CHANNELS.get(i);
                    indicators.addChannel(
                            primary.id(),
                            period,
                            kind,
                            "https://" + kind.name().toLowerCase(java.util.Locale.ROOT) + ".example/ppo" + primary.id(),
                            20 + random.nextInt(400));
                }
            }
        }
    }

    /** Members of a primary organization of the demo union: its own share of the headcount, from its seed. */
    static int membersOf(GeneratedOrganization primary) {
        if (primary.headcount() == null) {
            return 0;
        }
        double level = LOWEST_LEVEL + new Random(primary.seed()).nextDouble() * (HIGHEST_LEVEL - LOWEST_LEVEL);
        return (int) Math.round(primary.headcount() * level);
    }

    private static final List<Channel.Kind> DEMO_CHANNELS =
            List.of(Channel.Kind.SITE, Channel.Kind.VK, Channel.Kind.TELEGRAM, Channel.Kind.MAX);

    private static String infoWorkerOf(GeneratedOrganization primary) {
        return primary.infoWorkerName() != null ? primary.infoWorkerName() : "Полякова Анна Сергеевна";
    }

    /** Prints the demo logins with the role and organization each holds now, as people will sign in. */
    public void printLogins(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (DemoLogin login : LOGINS) {
            if (!acting.exists(login.login())) {
                continue;
            }
            UserDetails principal = acting.principal(login.login());
            List<RoleGrantView> grants = acting.asRequest(principal, accounts::myGrants);
            for (RoleGrantView grant : grants) {
                rows.add(new String[] {login.login(), roleName(grant.role()), grant.organizationName()});
            }
        }
        if (rows.isEmpty()) {
            out.println("Демо-учётных записей в этой базе нет.");
            return;
        }
        out.println("Демо-учётные записи (пароль у всех: " + PASSWORD + "):");
        out.print(table(List.of("Логин", "Роль", "Организация"), rows));
    }

    static String roleName(Role role) {
        return switch (role) {
            case UNION_ADMIN -> "администратор профсоюза";
            case ORG_ADMIN -> "администратор организации";
            case CHAIR -> "председатель";
            case INFO_WORKER -> "информационный работник";
            case MEMBER -> "член профсоюза";
        };
    }

    static String table(List<String> header, List<String[]> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder table = new StringBuilder();
        appendRow(table, header.toArray(String[]::new), widths);
        String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendRow(table, rule, widths);
        rows.forEach(row -> appendRow(table, row, widths));
        return table.toString();
    }

    private static void appendRow(StringBuilder table, String[] cells, int[] widths) {
        table.append("  ");
        for (int c = 0; c < cells.length; c++) {
            table.append(cells[c]).append(" ".repeat(widths[c] - cells[c].length()));
            table.append(c < cells.length - 1 ? "  " : "\n");
        }
    }

    /** The first regional organization, its first territorial one and that one's first primary one. */
    private static final class LineOfTree {
        private GeneratedOrganization root;
        private GeneratedOrganization regional;
        private GeneratedOrganization territorial;
        private GeneratedOrganization primary;

        void see(GeneratedOrganization organization) {
            if (organization.kind() == OrganizationKind.UNION && root == null) {
                root = organization;
            } else if (organization.kind() == OrganizationKind.REGIONAL && regional == null) {
                regional = organization;
            } else if (organization.kind() == OrganizationKind.TERRITORIAL
                    && territorial == null
                    && regional != null
                    && organization.parentId() == regional.id()) {
                territorial = organization;
            } else if (organization.kind() == OrganizationKind.PRIMARY
                    && primary == null
                    && territorial != null
                    && organization.parentId() == territorial.id()) {
                primary = organization;
            }
        }

        long idAt(Level level) {
            return switch (level) {
                case UNION -> root.id();
                case REGIONAL -> regional.id();
                case TERRITORIAL -> territorial.id();
                case PRIMARY -> primary.id();
            };
        }
    }
}
