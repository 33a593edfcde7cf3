package ru.profkom.accounts;

import static profkom.schema.Tables.ACCOUNT;
import static profkom.schema.Tables.PASSWORD_RESET_TOKEN;
import static profkom.schema.Tables.ROLE_GRANT;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.AccountRecord;
import ru.profkom.shared.Grant;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.Role;

@Repository
class AccountRepository {

    private final DSLContext dsl;

    AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<AccountRecord> findByLogin(String login) {
        return dsl.selectFrom(ACCOUNT)
                .where(DSL.lower(ACCOUNT.LOGIN).eq(login.toLowerCase()))
                .fetchOptional();
    }

    Optional<AccountRecord> findByEmail(String email) {
        return dsl.selectFrom(ACCOUNT)
                .where(DSL.lower(ACCOUNT.EMAIL).eq(email.toLowerCase()))
                .orderBy(ACCOUNT.ID)
                .limit(1)
                .fetchOptional();
    }

    Optional<AccountRecord> find(long id) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional();
    }

    long insert(String login, String passwordHash, String fullName, String email, Instant now) {
        return dsl.insertInto(ACCOUNT)
                .set(ACCOUNT.LOGIN, login)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ACCOUNT.FULL_NAME, fullName)
                .set(ACCOUNT.EMAIL, email)
                .set(ACCOUNT.ENABLED, true)
                .set(ACCOUNT.CREATED_AT, now)
                .returning(ACCOUNT.ID)
                .fetchOne(ACCOUNT.ID);
    }

    List<Grant> activeGrants(long accountId) {
        return dsl.select(ROLE_GRANT.ORGANIZATION_ID, ROLE_GRANT.ROLE)
                .from(ROLE_GRANT)
                .where(ROLE_GRANT.ACCOUNT_ID.eq(accountId).and(ROLE_GRANT.REVOKED_AT.isNull()))
                .orderBy(ROLE_GRANT.ID)
                .fetch(r -> new Grant(r.value1(), Role.valueOf(r.value2())));
    }

    /** Addresses of the accounts holding one of the roles in the organization itself, for notices. */
    List<String> emailsOfRoleHolders(Collection<Long> organizationIds, Collection<Role> roles) {
        return dsl.selectDistinct(ACCOUNT.EMAIL)
                .from(ROLE_GRANT)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ROLE_GRANT.ACCOUNT_ID))
                .where(ROLE_GRANT.ORGANIZATION_ID.in(organizationIds))
                .and(ROLE_GRANT.ROLE.in(roles.stream().map(Enum::name).toList()))
                .and(ROLE_GRANT.REVOKED_AT.isNull())
                .and(ACCOUNT.EMAIL.isNotNull())
                .orderBy(ACCOUNT.EMAIL)
                .fetch(ACCOUNT.EMAIL);
    }

    /** The enabled accounts with an address holding one of the roles anywhere, in the order of their ids. */
    List<ActingAccounts.StaffAccount> enabledWithEmailAndRoles(Collection<Role> roles) {
        return dsl.select(ACCOUNT.ID, ACCOUNT.LOGIN, ACCOUNT.FULL_NAME, ACCOUNT.EMAIL)
                .from(ACCOUNT)
                .where(ACCOUNT.ENABLED.isTrue())
                .and(ACCOUNT.EMAIL.isNotNull())
                .and(DSL.exists(DSL.selectOne()
                        .from(ROLE_GRANT)
                        .where(ROLE_GRANT.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .and(ROLE_GRANT.REVOKED_AT.isNull())
                        .and(ROLE_GRANT.ROLE.in(roles.stream().map(Enum::name).toList()))))
                .orderBy(ACCOUNT.ID)
                .fetch(r -> new ActingAccounts.StaffAccount(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    boolean hasActiveGrant(long accountId, long organizationId, Role role) {
        return dsl.fetchExists(
                ROLE_GRANT,
                ROLE_GRANT
                        .ACCOUNT_ID
                        .eq(accountId)
                        .and(ROLE_GRANT.ORGANIZATION_ID.eq(organizationId))
                        .and(ROLE_GRANT.ROLE.eq(role.name()))
                        .and(ROLE_GRANT.REVOKED_AT.isNull()));
    }

    long insertGrant(long accountId, long organizationId, Role role, Long grantedBy, Instant now) {
        return dsl.insertInto(ROLE_GRANT)
                .set(ROLE_GRANT.ACCOUNT_ID, accountId)
                .set(ROLE_GRANT.ORGANIZATION_ID, organizationId)
                .set(ROLE_GRANT.ROLE, role.name())
                .set(ROLE_GRANT.GRANTED_AT, now)
                .set(ROLE_GRANT.GRANTED_BY, grantedBy)
                .returning(ROLE_GRANT.ID)
                .fetchOne(ROLE_GRANT.ID);
    }

    Optional<RoleGrantView> findGrant(long grantId) {
        return grants(ROLE_GRANT.ID.eq(grantId), new PageRequest(0, 1)).items().stream()
                .findFirst();
    }

    void revokeGrant(long grantId, Long revokedBy, Instant now) {
        dsl.update(ROLE_GRANT)
                .set(ROLE_GRANT.REVOKED_AT, now)
                .set(ROLE_GRANT.REVOKED_BY, revokedBy)
                .where(ROLE_GRANT.ID.eq(grantId).and(ROLE_GRANT.REVOKED_AT.isNull()))
                .execute();
    }

    Page<RoleGrantView> grantsIn(Collection<Long> organizationIds, boolean includeRevoked, PageRequest page) {
        Condition condition = ROLE_GRANT.ORGANIZATION_ID.in(organizationIds);
        if (!includeRevoked) {
            condition = condition.and(ROLE_GRANT.REVOKED_AT.isNull());
        }
        return grants(condition, page);
    }

    List<RoleGrantView> grantsOf(long accountId) {
        return grants(ROLE_GRANT.ACCOUNT_ID.eq(accountId), new PageRequest(0, PageRequest.MAX_SIZE))
                .items();
    }

    /** The accounts holding the member role in an organization: grant id and account id. */
    List<long[]> activeMemberGrantsIn(long organizationId) {
        return dsl.select(ROLE_GRANT.ID, ROLE_GRANT.ACCOUNT_ID)
                .from(ROLE_GRANT)
                .where(ROLE_GRANT.ORGANIZATION_ID.eq(organizationId))
                .and(ROLE_GRANT.ROLE.eq(Role.MEMBER.name()))
                .and(ROLE_GRANT.REVOKED_AT.isNull())
                .fetch(r -> new long[] {r.value1(), r.value2()});
    }

    int activeMemberGrants(long organizationId) {
        return dsl.fetchCount(
                ROLE_GRANT,
                ROLE_GRANT
                        .ORGANIZATION_ID
                        .eq(organizationId)
                        .and(ROLE_GRANT.ROLE.eq(Role.MEMBER.name()))
                        .and(ROLE_GRANT.REVOKED_AT.isNull()));
    }

    private Page<RoleGrantView> grants(Condition condition, PageRequest page) {
        List<RoleGrantView> items = dsl.select(
                        ROLE_GRANT.ID,
                        ROLE_GRANT.ACCOUNT_ID,
                        ACCOUNT.LOGIN,
                        ACCOUNT.FULL_NAME,
                        ROLE_GRANT.ORGANIZATION_ID,
                        ROLE_GRANT.ROLE,
                        ROLE_GRANT.GRANTED_AT,
                        ROLE_GRANT.REVOKED_AT)
                .from(ROLE_GRANT)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ROLE_GRANT.ACCOUNT_ID))
                .where(condition)
                .orderBy(ROLE_GRANT.REVOKED_AT.isNull().desc(), ACCOUNT.FULL_NAME, ROLE_GRANT.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch(AccountRepository::toGrantView);
        long total = items.size() < page.size() && page.page() == 0
                ? items.size()
                : dsl.fetchCount(dsl.selectFrom(ROLE_GRANT).where(condition));
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static RoleGrantView toGrantView(Record r) {
        return new RoleGrantView(
                r.get(ROLE_GRANT.ID),
                r.get(ROLE_GRANT.ACCOUNT_ID),
                r.get(ACCOUNT.LOGIN),
                r.get(ACCOUNT.FULL_NAME),
                r.get(ROLE_GRANT.ORGANIZATION_ID),
                null,
                Role.valueOf(r.get(ROLE_GRANT.ROLE)),
                r.get(ROLE_GRANT.GRANTED_AT),
                r.get(ROLE_GRANT.REVOKED_AT));
    }

    void recordSuccess(long accountId, Instant now) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.LAST_SIGN_IN_AT, now)
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    void setPassword(long accountId, String passwordHash) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, passwordHash)
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    void insertResetToken(String tokenHash, long accountId, Instant now, Instant expiresAt) {
        dsl.insertInto(PASSWORD_RESET_TOKEN)
                .set(PASSWORD_RESET_TOKEN.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET_TOKEN.ACCOUNT_ID, accountId)
                .set(PASSWORD_RESET_TOKEN.CREATED_AT, now)
                .set(PASSWORD_RESET_TOKEN.EXPIRES_AT, expiresAt)
                .execute();
    }

    /** Marks a valid token used and returns its account; a token works once, before it expires. */
    Optional<Long> consumeResetToken(String tokenHash, Instant now) {
        Optional<Long> accountId = dsl.select(PASSWORD_RESET_TOKEN.ACCOUNT_ID)
                .from(PASSWORD_RESET_TOKEN)
                .where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash))
                .and(PASSWORD_RESET_TOKEN.USED_AT.isNull())
                .and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(now))
                .forUpdate()
                .fetchOptional(PASSWORD_RESET_TOKEN.ACCOUNT_ID);
        accountId.ifPresent(id -> dsl.update(PASSWORD_RESET_TOKEN)
                .set(PASSWORD_RESET_TOKEN.USED_AT, now)
                .where(PASSWORD_RESET_TOKEN.TOKEN_HASH.eq(tokenHash))
                .execute());
        return accountId;
    }

    boolean resetTokenUsable(String tokenHash, Instant now) {
        return dsl.fetchExists(
                PASSWORD_RESET_TOKEN,
                PASSWORD_RESET_TOKEN
                        .TOKEN_HASH
                        .eq(tokenHash)
                        .and(PASSWORD_RESET_TOKEN.USED_AT.isNull())
                        .and(PASSWORD_RESET_TOKEN.EXPIRES_AT.gt(now)));
    }

    long count() {
        return dsl.fetchCount(ACCOUNT);
    }

    static Account toAccount(AccountRecord r) {
        return new Account(r.getId(), r.getLogin(), r.getFullName(), r.getEmail(), r.getEnabled(), r.getLastSignInAt());
    }
}
