package ru.profkom.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import profkom.schema.tables.records.AccountRecord;
import ru.profkom.accounts.AccountEvents.AccountCreated;
import ru.profkom.accounts.AccountEvents.PasswordChanged;
import ru.profkom.accounts.AccountEvents.PasswordResetRequested;
import ru.profkom.accounts.AccountEvents.RoleGranted;
import ru.profkom.accounts.AccountEvents.RoleRevoked;
import ru.profkom.mail.MailOutbox;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Grant;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.shared.Role;
import ru.profkom.shared.Validation;

/** Accounts and their roles; administrators act only inside the subtrees they administer. */
@Service
@Transactional
public class Accounts {

    private static final Duration RESET_TOKEN_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String RESET_SOURCE = "reset-source:";
    private static final String RESET_LOGIN = "reset-login:";

    private final AccountRepository repository;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final MailOutbox mail;
    private final MessageSource messages;
    private final Clock clock;
    private final AccessThrottles throttles;
    private final SignInThrottle signInThrottle;
    private final AccessThrottles.Policy resetPerSource;
    private final AccessThrottles.Policy resetPerLogin;

    Accounts(
            AccountRepository repository,
            Organizations organizations,
            CurrentActor currentActor,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            MailOutbox mail,
            MessageSource messages,
            Clock clock,
            AccessThrottles throttles,
            SignInThrottle signInThrottle,
            ProfkomSettings settings) {
        ProfkomSettings.PasswordReset reset = settings.passwordReset();
        this.repository = repository;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.throttles = throttles;
        this.signInThrottle = signInThrottle;
        this.resetPerSource =
                new AccessThrottles.Policy(reset.perSource(), reset.backOffBase(), reset.backOffMax(), reset.memory());
        this.resetPerLogin =
                new AccessThrottles.Policy(reset.perLogin(), reset.backOffBase(), reset.backOffMax(), reset.memory());
    }

    @Transactional(readOnly = true)
    public Account me() {
        Actor actor = currentActor.get();
        if (actor.accountId() == null) {
            throw ProfkomException.forbidden("access.denied");
        }
        return repository
                .find(actor.accountId())
                .map(AccountRepository::toAccount)
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<RoleGrantView> myGrants() {
        return named(repository.grantsOf(me().id()).stream()
                .filter(RoleGrantView::active)
                .toList());
    }

    /** The roles held in one organization; administrators of its subtree read them. */
    @Transactional(readOnly = true)
    public Page<RoleGrantView> grantsIn(long organizationId, boolean includeRevoked, PageRequest page) {
        requireManage(organizationId);
        Page<RoleGrantView> grants = repository.grantsIn(List.of(organizationId), includeRevoked, page);
        return new Page<>(named(grants.items()), grants.page(), grants.size(), grants.total());
    }

    public Account createAccount(long organizationId, NewAccount request) {
        requireManage(organizationId);
        Validation validation = new Validation();
        String login = request.login() == null ? null : request.login().strip();
        validation.required("login", login).maxLength("login", login, 64);
        if (login != null && !login.isEmpty() && !login.matches("[A-Za-z0-9._@-]{3,64}")) {
            validation.reject("login", "account.login.format");
        }
        validation.required("fullName", request.fullName()).maxLength("fullName", request.fullName(), 200);
        validation.email("email", request.email());
        checkPassword(validation, "password", request.password(), login);
        if (request.role() == null) {
            validation.reject("role", "validation.required");
        }
        if (login != null
                && !validation.hasProblems()
                && repository.findByLogin(login).isPresent()) {
            validation.reject("login", "account.login.taken", login);
        }
        validation.throwIfInvalid();
        long accountId = repository.insert(
                login,
                passwordEncoder.encode(request.password()),
                request.fullName().strip(),
                request.email() == null || request.email().isBlank()
                        ? null
                        : request.email().strip(),
                clock.instant());
        events.publishEvent(new AccountCreated(accountId, login, organizationId, currentActor.get()));
        grant(organizationId, login, request.role());
        return repository.find(accountId).map(AccountRepository::toAccount).orElseThrow();
    }

    public RoleGrantView grant(long organizationId, String login, Role role) {
        requireManage(organizationId);
        Organization organization = organizations.get(organizationId);
        if (role == null) {
            throw ProfkomException.invalid("role", "validation.required");
        }
        if (role == Role.UNION_ADMIN) {
            boolean mayGrantUnionAdmin =
                    currentActor.get().system() || currentActor.get().holds(Role.UNION_ADMIN);
            if (organization.kind() != OrganizationKind.UNION || !mayGrantUnionAdmin) {
                throw ProfkomException.invalid("role", "account.role.unionAdminOnlyAtRoot");
            }
        }
        if (!organization.active()) {
            throw ProfkomException.conflict("organization.closed", organization.shortName());
        }
        AccountRecord account = (login == null
                        ? Optional.<AccountRecord>empty()
                        : repository.findByLogin(login.strip()))
                .orElseThrow(() -> ProfkomException.invalid("login", "account.notFound", login == null ? "" : login));
        if (repository.hasActiveGrant(account.getId(), organizationId, role)) {
            throw ProfkomException.conflict("account.role.alreadyHeld");
        }
        Actor actor = currentActor.get();
        long grantId =
                repository.insertGrant(account.getId(), organizationId, role, actor.accountId(), clock.instant());
        events.publishEvent(new RoleGranted(grantId, account.getId(), account.getLogin(), organizationId, role, actor));
        return named(List.of(repository.findGrant(grantId).orElseThrow())).getFirst();
    }

    public void revoke(long grantId) {
        RoleGrantView grant = repository
                .findGrant(grantId)
                .filter(g -> organizations.canRead(g.organizationId()))
                .orElseThrow(() -> ProfkomException.notFound("account.role.notFound"));
        requireManage(grant.organizationId());
        Actor actor = currentActor.get();
        if (grant.accountId() == (actor.accountId() == null ? -1 : actor.accountId())
                && grant.role().administers()) {
            throw ProfkomException.conflict("account.role.ownAdminRole");
        }
        if (!grant.active()) {
            return;
        }
        repository.revokeGrant(grantId, actor.accountId(), clock.instant());
        events.publishEvent(new RoleRevoked(
                grantId, grant.accountId(), grant.login(), grant.organizationId(), grant.role(), actor));
    }

    /**
     * Sends a one-hour reset link when the login or e-mail is known. The answer is the same either
     * way, so the form does not tell strangers which accounts exist. Requests are limited per source address
     * and per login or e-mail (known or not alike), so that the form floods neither a mailbox nor the outbox.
     */
    public void requestPasswordReset(String loginOrEmail, String baseUrl, Locale locale) {
        if (loginOrEmail == null || loginOrEmail.isBlank() || loginOrEmail.length() > 254) {
            throw ProfkomException.invalid("login", "validation.required");
        }
        String key = loginOrEmail.strip();
        limitResetRequests(key, SecurityActor.remoteAddress());
        Optional<AccountRecord> account = key.contains("@") ? repository.findByEmail(key) : repository.findByLogin(key);
        if (account.isEmpty()
                || account.get().getEmail() == null
                || !account.get().getEnabled()) {
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        repository.insertResetToken(sha256(token), account.get().getId(), now, now.plus(RESET_TOKEN_LIFETIME));
        String link = baseUrl + "/password/reset?token=" + token;
        mail.enqueue(
                account.get().getEmail(),
                messages.getMessage("password.reset.mail.subject", null, locale),
                messages.getMessage(
                        "password.reset.mail.body", new Object[] {account.get().getFullName(), link}, locale));
        events.publishEvent(new PasswordResetRequested(
                account.get().getId(),
                account.get().getLogin(),
                firstOrganization(account.get().getId()),
                SecurityActor.remoteAddress()));
    }

    private void limitResetRequests(String key, String source) {
        Instant now = clock.instant();
        String sourceKey = source == null ? null : RESET_SOURCE + source;
        String loginKey = RESET_LOGIN + SignInThrottle.normalized(key);
        Optional<Instant> blocked = (sourceKey == null
                        ? Optional.<Instant>empty()
                        : throttles.blockedUntil(sourceKey, now))
                .or(() -> throttles.blockedUntil(loginKey, now));
        if (blocked.isPresent()) {
            long minutes = Math.max(1, (Duration.between(now, blocked.get()).toSeconds() + 59) / 60);
            throw ProfkomException.invalid("login", "password.reset.tooMany", minutes);
        }
        if (sourceKey != null) {
            throttles.count(sourceKey, resetPerSource, now);
        }
        throttles.count(loginKey, resetPerLogin, now);
    }

    @Transactional(readOnly = true)
    public boolean resetTokenUsable(String token) {
        return token != null && repository.resetTokenUsable(sha256(token), clock.instant());
    }

    public void resetPassword(String token, String newPassword) {
        Validation validation = new Validation();
        checkPassword(validation, "password", newPassword, null);
        validation.throwIfInvalid();
        long accountId = (token == null
                        ? Optional.<Long>empty()
                        : repository.consumeResetToken(sha256(token), clock.instant()))
                .orElseThrow(() -> ProfkomException.invalid("token", "password.reset.invalidToken"));
        repository.setPassword(accountId, passwordEncoder.encode(newPassword));
        AccountRecord account = repository.find(accountId).orElseThrow();
        signInThrottle.succeeded(account.getLogin());
        events.publishEvent(new PasswordChanged(
                accountId, account.getLogin(), firstOrganization(accountId), SecurityActor.remoteAddress()));
    }

    public void changePassword(String currentPassword, String newPassword) {
        Account me = me();
        AccountRecord record = repository.find(me.id()).orElseThrow();
        Validation validation = new Validation();
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, record.getPasswordHash())) {
            validation.reject("currentPassword", "password.change.wrongCurrent");
        }
        checkPassword(validation, "newPassword", newPassword, me.login());
        validation.throwIfInvalid();
        repository.setPassword(me.id(), passwordEncoder.encode(newPassword));
        events.publishEvent(
                new PasswordChanged(me.id(), me.login(), firstOrganization(me.id()), SecurityActor.remoteAddress()));
    }

    /**
     * The e-mail addresses of those holding one of the roles in these organizations themselves (not
     * above), for notices such as reminders of unread information packages; no access check, callers
     * decide who is notified.
     */
    @Transactional(readOnly = true)
    public List<String> emailsOfRoleHolders(
            java.util.Collection<Long> organizationIds, java.util.Collection<Role> roles) {
        if (organizationIds.isEmpty() || roles.isEmpty()) {
            return List.of();
        }
        return repository.emailsOfRoleHolders(organizationIds, roles);
    }

    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    private void requireManage(long organizationId) {
        if (!organizations.canRead(organizationId)) {
            throw ProfkomException.notFound("organization.notFound");
        }
        if (!organizations.canManage(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
    }

    private List<RoleGrantView> named(List<RoleGrantView> grants) {
        return grants.stream()
                .map(g -> new RoleGrantView(
                        g.id(),
                        g.accountId(),
                        g.login(),
                        g.fullName(),
                        g.organizationId(),
                        CurrentActor.asSystem(
                                () -> organizations.get(g.organizationId()).shortName()),
                        g.role(),
                        g.grantedAt(),
                        g.revokedAt()))
                .toList();
    }

    private Long firstOrganization(long accountId) {
        List<Grant> grants = repository.activeGrants(accountId);
        return grants.isEmpty() ? null : grants.getFirst().organizationId();
    }

    private static void checkPassword(Validation validation, String field, String password, String login) {
        if (password == null || password.length() < 8) {
            validation.reject(field, "password.tooShort", 8);
        } else if (password.length() > 128) {
            validation.reject(field, "validation.tooLong", 128, password.length());
        } else if (login != null && password.equalsIgnoreCase(login)) {
            validation.reject(field, "password.equalsLogin");
        }
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
