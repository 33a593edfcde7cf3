package ru.profkom.support;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.SmartInitializingSingleton;
import ru.profkom.accounts.Accounts;
import ru.profkom.accounts.NewAccount;
import ru.profkom.accounts.RoleGrantView;
import ru.profkom.organizations.BodyKind;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.shared.Snils;

/**
 * A small union, built once per Spring context through the facades as the system:
 *
 * <pre>
 * union  (union.admin: UNION_ADMIN)
 * ├── region A  (a.admin: ORG_ADMIN, a.chair: CHAIR)
 * │   ├── territorial A1  (a1.info: INFO_WORKER)
 * │   │   └── primary A1  (a1.member: MEMBER; elected body)
 * │   └── territorial A2
 * └── region B  (b.admin: ORG_ADMIN)
 *     └── territorial B1
 *         └── primary B1  (b1.member: MEMBER; elected body)
 * </pre>
 *
 * Tests must not change these organizations and accounts; a test that moves, merges or liquidates
 * builds its own organizations with {@link #organization} and its own accounts with {@link #account}.
 */
public class Fixture implements SmartInitializingSingleton {

    public static final String PASSWORD = "Proverka-2026";
    public static final String UNION_ADMIN = "union.admin";
    public static final String ADMIN_A = "a.admin";
    public static final String CHAIR_A = "a.chair";
    public static final String INFO_WORKER_A1 = "a1.info";
    public static final String MEMBER_A1 = "a1.member";
    public static final String ADMIN_B = "b.admin";
    public static final String MEMBER_B1 = "b1.member";

    public static final String REGION_B_NAME = "Брянская областная организация";
    public static final String PRIMARY_B1_NAME = "ППО шахты «Распадская»";

    /**
     * The source of every unique test value. One counter per JVM is enough: each Spring context has its own
     * database, and the contexts of one run (including the browser tests' shared one) live in one JVM.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Organizations organizations;
    private final Accounts accounts;

    private long union;
    private long regionA;
    private long territorialA1;
    private long territorialA2;
    private long primaryA1;
    private long regionB;
    private long territorialB1;
    private long primaryB1;
    private long bodyA1;
    private long bodyB1;
    private long grantAdminA;
    private long grantAdminB;
    private long grantMemberA1;
    private long grantMemberB1;

    Fixture(Organizations organizations, Accounts accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        CurrentActor.asSystem(this::build);
    }

    private void build() {
        union = organizations
                .createUnion(form(OrganizationKind.UNION, "UNION", "Профессиональный союз работников отрасли"))
                .id();
        regionA = organization(union, OrganizationKind.REGIONAL, "REG-A", "Архангельская областная организация");
        territorialA1 =
                organization(regionA, OrganizationKind.TERRITORIAL, "TER-A1", "Котласская городская организация");
        territorialA2 = organization(regionA, OrganizationKind.TERRITORIAL, "TER-A2", "Вельская районная организация");
        primaryA1 = organization(territorialA1, OrganizationKind.PRIMARY, "PPO-A1", "ППО городской больницы Котласа");
        regionB = organization(union, OrganizationKind.REGIONAL, "REG-B", REGION_B_NAME);
        territorialB1 =
                organization(regionB, OrganizationKind.TERRITORIAL, "TER-B1", "Новозыбковская городская организация");
        primaryB1 = organization(territorialB1, OrganizationKind.PRIMARY, "PPO-B1", PRIMARY_B1_NAME);
        bodyA1 = organizations
                .attachBody(primaryA1, BodyKind.ELECTED_BODY, "Профком больницы", "Иванова Мария Петровна")
                .id();
        bodyB1 = organizations
                .attachBody(primaryB1, BodyKind.ELECTED_BODY, "Профком шахты", "Петров Иван Сергеевич")
                .id();

        account(union, Role.UNION_ADMIN, UNION_ADMIN);
        grantAdminA = grantOf(account(regionA, Role.ORG_ADMIN, ADMIN_A));
        account(regionA, Role.CHAIR, CHAIR_A);
        account(territorialA1, Role.INFO_WORKER, INFO_WORKER_A1);
        grantMemberA1 = grantOf(account(primaryA1, Role.MEMBER, MEMBER_A1));
        grantAdminB = grantOf(account(regionB, Role.ORG_ADMIN, ADMIN_B));
        grantMemberB1 = grantOf(account(primaryB1, Role.MEMBER, MEMBER_B1));
    }

    private long grantOf(String login) {
        return accounts
                .grantsIn(grantOrganization(login), false, ru.profkom.shared.PageRequest.of(0, 200))
                .items()
                .stream()
                .filter(grant -> grant.login().equals(login))
                .mapToLong(RoleGrantView::id)
                .findFirst()
                .orElseThrow();
    }

    private long grantOrganization(String login) {
        return switch (login) {
            case ADMIN_A -> regionA;
            case ADMIN_B -> regionB;
            case MEMBER_A1 -> primaryA1;
            case MEMBER_B1 -> primaryB1;
            default -> throw new IllegalArgumentException(login);
        };
    }

    // ---- building blocks for tests ------------------------------------------------------------

    /** The next number of the run's counter; no two calls return the same one. */
    public static long next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A string no other test uses, for codes, logins and e-mail addresses. */
    public static String unique(String prefix) {
        return prefix + "-" + next();
    }

    /**
     * A surname no other test uses, of Russian letters only: the registry's search reads digits as a card number.
     * Of fixed length, so that no such surname is the beginning of another.
     */
    public static String uniqueSurname(String prefix) {
        String alphabet = "абвгдежзик";
        StringBuilder name = new StringBuilder(prefix);
        for (char digit : String.format("%09d", next()).toCharArray()) {
            name.append(alphabet.charAt(digit - '0'));
        }
        return name.toString();
    }

    /** A valid SNILS no other test uses, from a range no literal SNILS in the tests comes near. */
    public static String uniqueSnils() {
        return Snils.withChecksum(String.valueOf(800_000_000 + next()));
    }

    /** {@code width} digits no other call returns, for card and phone numbers. */
    public static String uniqueDigits(int width) {
        return String.format("%0" + width + "d", next());
    }

    public static OrganizationForm form(OrganizationKind kind, String code, String name) {
        return new OrganizationForm(
                kind, code, name, name, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A new active organization under {@code parentId}, created by the system. */
    public long organization(long parentId, OrganizationKind kind, String name) {
        return organization(parentId, kind, unique(kind.name().substring(0, 3)), name);
    }

    private long organization(long parentId, OrganizationKind kind, String code, String name) {
        return CurrentActor.asSystem(() ->
                organizations.createChild(parentId, form(kind, code, name)).id());
    }

    /**
     * A new active primary organization of a hospital with the employer's headcount (none for 0), created by the
     * system; named "ППО" and its code when {@code name} is null.
     */
    public long primary(long parentId, String name, int headcount) {
        String code = unique("PPO");
        String shortName = name == null ? "ППО " + code : name;
        return CurrentActor.asSystem(() -> organizations
                .createChild(
                        parentId,
                        new OrganizationForm(
                                OrganizationKind.PRIMARY,
                                code,
                                shortName,
                                shortName,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "Больница",
                                null,
                                headcount == 0 ? null : headcount,
                                null,
                                null,
                                null))
                .id());
    }

    /** A new account with one role in the organization, created by the system; returns its login. */
    public String account(long organizationId, Role role) {
        return account(organizationId, role, unique(role.name().toLowerCase().replace('_', '.')));
    }

    private String account(long organizationId, Role role, String login) {
        CurrentActor.asSystem(() -> accounts.createAccount(
                organizationId,
                new NewAccount(login, "Тестовый Пользователь " + login, login + "@profkom.test", PASSWORD, role)));
        return login;
    }

    public static String emailOf(String login) {
        return login + "@profkom.test";
    }

    public long union() {
        return union;
    }

    public long regionA() {
        return regionA;
    }

    public long territorialA1() {
        return territorialA1;
    }

    public long territorialA2() {
        return territorialA2;
    }

    public long primaryA1() {
        return primaryA1;
    }

    public long regionB() {
        return regionB;
    }

    public long territorialB1() {
        return territorialB1;
    }

    public long primaryB1() {
        return primaryB1;
    }

    public long bodyA1() {
        return bodyA1;
    }

    public long bodyB1() {
        return bodyB1;
    }

    public long grantAdminA() {
        return grantAdminA;
    }

    public long grantAdminB() {
        return grantAdminB;
    }

    public long grantMemberA1() {
        return grantMemberA1;
    }

    public long grantMemberB1() {
        return grantMemberB1;
    }
}
