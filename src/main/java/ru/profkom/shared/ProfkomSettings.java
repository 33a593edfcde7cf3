package ru.profkom.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code profkom.*} setting, typed, checked at start and with its default written here only. A wrong
 * value (a negative number of workers, a base address without {@code http://}) stops the start with a
 * message naming the property, instead of failing at the first request that reads it.
 *
 * <p>Three kinds of setting stay outside: {@code profkom.command} and {@code profkom.demo.load} also decide
 * which beans exist ({@code @ConditionalOnProperty}, read before any bean), and the intervals of scheduled
 * jobs are read by {@code @Scheduled} through the expressions below, which point at this record.
 */
@Validated
@ConfigurationProperties("profkom")
public record ProfkomSettings(
        /** The command a non-web process runs ({@code generate}, {@code import-members}, ...); empty for the server. */
        @DefaultValue("") @NotNull String command,
        /**
         * The public address of this installation ({@code https://profkom.example.ru}), used for absolute links
         * when the union administrator has not set one on the settings page; empty means this server's port.
         */
        @DefaultValue("")
        @NotNull
        @Pattern(regexp = BASE_URL_PATTERN, message = "должен быть пустым или адресом вида https://profkom.example.ru")
        String baseUrl,

        @DefaultValue @Valid Demo demo,
        @DefaultValue @Valid Mail mail,
        @Name("import") @DefaultValue @Valid Import memberImport,
        @DefaultValue @Valid SignIn signIn,
        @DefaultValue @Valid PasswordReset passwordReset,
        @DefaultValue @Valid Web web,
        @DefaultValue @Valid Publications publications,
        @DefaultValue @Valid Portal portal,
        @DefaultValue @Valid Crosspost crosspost,
        @DefaultValue @Valid Jobs jobs,
        @DefaultValue @Valid MailingChannels mailingChannels,
        @DefaultValue @Valid Mailings mailings) {

    /** Empty, or http(s) with a host and no query: links are built by appending paths to it. */
    public static final String BASE_URL_PATTERN = "^$|^https?://[^\\s/?#]+(/[^\\s?#]*)?$";

    /** The bean name Boot gives this record; the expressions below read it. */
    public static final String BEAN = "profkom-ru.profkom.shared.ProfkomSettings";

    public static final String MAIL_POLL_INTERVAL = "#{@'" + BEAN + "'.mail().pollInterval()}";
    public static final String IMPORT_POLL = "#{@'" + BEAN + "'.memberImport().poll()}";
    public static final String PACKAGE_REMINDER_POLL = "#{@'" + BEAN + "'.publications().reminderPoll()}";
    public static final String CROSSPOST_POLL_INTERVAL = "#{@'" + BEAN + "'.crosspost().pollInterval()}";

    /** The base address as configured, without a trailing slash; empty when not set. */
    public String configuredBaseUrl() {
        return baseUrl.replaceAll("/+$", "");
    }

    /** {@code load}: load the demo union into an empty database at start (what {@code ./profkom run} sets). */
    public record Demo(@DefaultValue("false") boolean load) {}

    /** The sender of outgoing mail and how often the outbox is polled. */
    public record Mail(
            @DefaultValue("profkom@localhost") @NotBlank String from,
            @DefaultValue("PT5S") @NotNull Duration pollInterval) {}

    /**
     * Member import: {@code workers} chunks applied at once (0: two on PostgreSQL, one on H2), and how often a
     * web node looks for imports left unfinished by a stopped process.
     */
    public record Import(
            @DefaultValue("0") @PositiveOrZero int workers,
            @DefaultValue("PT1M") @NotNull Duration poll) {}

    /**
     * Sign-in back-off (accounts.SignInThrottle): free failures per source address and per login within the
     * memory, then waits of base·2^n up to the maximum, kept in the database.
     */
    public record SignIn(
            @DefaultValue("10") @Positive int sourceFreeAttempts,
            @DefaultValue("5") @Positive int loginFreeAttempts,
            @DefaultValue("PT1S") @NotNull Duration backOffBase,
            @DefaultValue("PT15M") @NotNull Duration backOffMax,
            @DefaultValue("PT1H") @NotNull Duration failureMemory) {}

    /** Password reset requests per source address and per login or e-mail within the memory, then waits. */
    public record PasswordReset(
            @DefaultValue("10") @Positive int perSource,
            @DefaultValue("3") @Positive int perLogin,
            @DefaultValue("PT1M") @NotNull Duration backOffBase,
            @DefaultValue("PT1H") @NotNull Duration backOffMax,
            @DefaultValue("PT1H") @NotNull Duration memory) {}

    /**
     * Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (shared.web.TrustedProxies):
     * addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8,::1. Empty: none, the connection's address counts.
     * Set it behind a proxy, or every visitor shares the proxy's address in the rate limits.
     */
    public record Web(@DefaultValue("") @NotNull java.util.List<String> trustedProxies) {}

    /** The Lucene index of publications (rebuilt from the database when missing) and the package reminders' poll. */
    public record Publications(
            @DefaultValue("./data/publications-index") @NotNull
            Path indexDir,

            @DefaultValue("PT1H") @NotNull Duration reminderPoll) {}

    /**
     * Public forms (join, feedback): the secret signing their time of issue (empty: a random one per start,
     * so forms opened before a restart are refused once) and the shortest time from opening a form to
     * sending it that is taken for a person.
     */
    public record Portal(
            @DefaultValue("") @NotNull String formSecret,
            @DefaultValue("PT3S") @NotNull Duration minFillTime) {}

    /** Cross-posting: the Telegram Bot API and VK API addresses (tests point them at local servers). */
    public record Crosspost(
            @DefaultValue("https://api.telegram.org") @NotNull
            URI telegramUrl,

            @DefaultValue("https://api.vk.com") @NotNull URI vkUrl,
            @DefaultValue("5.199") @NotBlank String vkVersion,
            @DefaultValue("PT10S") @NotNull Duration pollInterval) {}

    /**
     * The database-backed job scheduler (shared.JobScheduling, db-scheduler): worker threads per node, how often
     * a node looks for due jobs, and after how long without a heartbeat a job picked by a dead node is taken over.
     */
    public record Jobs(
            @DefaultValue("4") @Positive int threads,
            @DefaultValue("PT2S") @NotNull Duration pollInterval,
            @DefaultValue("PT5M") @NotNull Duration deadAfter) {}

    /**
     * The mailings' channels (mailings.channels): the Telegram bot (token and name, empty token: the bot is off),
     * the Telegram and VK API addresses (tests point them at local servers), the VK community's token and id,
     * the SMPP centre (empty host: SMS is off) and the price of one SMS part shown before sending.
     */
    public record MailingChannels(
            @DefaultValue("") @NotNull String telegramBotToken,
            @DefaultValue("") @NotNull String telegramBotName,

            @DefaultValue("https://api.telegram.org") @NotNull
            URI telegramUrl,

            @DefaultValue("PT5S") @NotNull Duration telegramPollInterval,
            @DefaultValue("https://api.vk.com") @NotNull URI vkUrl,
            @DefaultValue("5.199") @NotBlank String vkVersion,
            @DefaultValue("") @NotNull String vkGroupToken,
            @DefaultValue("0") @PositiveOrZero long vkGroupId,
            @DefaultValue("") @NotNull String smppHost,
            @DefaultValue("2775") @Positive int smppPort,
            // SMPP 3.4 limits: system_id 16 octets, password 9, both with the closing NUL.
            @DefaultValue("") @NotNull @jakarta.validation.constraints.Size(max = 15)
            String smppSystemId,

            @DefaultValue("") @NotNull @jakarta.validation.constraints.Size(max = 8)
            String smppPassword,

            @DefaultValue("PROFKOM") @NotNull String smppSourceAddress,
            @DefaultValue("0") @PositiveOrZero java.math.BigDecimal smsPartPrice,
            @DefaultValue("PT24H") @NotNull Duration linkTokenLifetime) {}

    /**
     * Mailings to members: the SMTP relay the e-mail channel hands messages to (any relay: host, port, user and
     * password when it asks, STARTTLS), how many connections it keeps open and reuses, the sender and its
     * timeouts; the attachment limit; the Moscow-time window outside which nothing is sent; how many outbox rows
     * a run claims at once and the rate per channel (messages a minute, 0 for no limit); the tracking key, the
     * VERP return address and the IMAP mailbox bounces are read from.
     */
    public record Mailings(
            @DefaultValue("localhost") @NotBlank String smtpHost,
            @DefaultValue("25") @Positive int smtpPort,
            @DefaultValue("") @NotNull String smtpUser,
            @DefaultValue("") @NotNull String smtpPassword,
            @DefaultValue("false") boolean smtpStartTls,
            @DefaultValue("2") @Positive int smtpConnections,
            @DefaultValue("PT30S") @NotNull Duration smtpTimeout,
            @DefaultValue("profkom@localhost") @NotBlank String from,
            @DefaultValue("10485760") @Positive long attachmentLimitBytes,
            @DefaultValue("09:00") @NotNull java.time.LocalTime windowStart,
            @DefaultValue("21:00") @NotNull java.time.LocalTime windowEnd,
            @DefaultValue("500") @Positive int batchSize,
            @DefaultValue("0") @PositiveOrZero int emailPerMinute,
            @DefaultValue("1500") @PositiveOrZero int telegramPerMinute,
            @DefaultValue("1000") @PositiveOrZero int vkPerMinute,
            @DefaultValue("600") @PositiveOrZero int smsPerMinute,
            // Delivery tracking (mailings.tracking): the key signing tracking links, pixels, unsubscribe links and
            // VERP return paths (empty: one generated at first use and kept in the database for every node).
            @DefaultValue("") @NotNull String trackingSecret,
            // The return path of e-mails as VERP (bounces+b<row>-<signature>@domain); empty: the sender, no VERP.
            @DefaultValue("") @NotNull String bounceAddress,
            // The mailbox bounces arrive in, read over IMAP (empty host: not read).
            @DefaultValue("") @NotNull String bounceImapHost,
            @DefaultValue("993") @Positive int bounceImapPort,
            @DefaultValue("") @NotNull String bounceImapUser,
            @DefaultValue("") @NotNull String bounceImapPassword,
            @DefaultValue("true") boolean bounceImapSsl,
            @DefaultValue("INBOX") @NotBlank String bounceImapFolder,
            @DefaultValue("PT5M") @NotNull Duration bounceImapPollInterval,
            // DKIM: the signing domain (d=), the selector (s=, the DNS name <selector>._domainkey.<domain>) and
            // the path of the PKCS#8 RSA private key, PEM or DER (empty: e-mails go unsigned).
            @DefaultValue("") @NotNull String dkimDomain,
            @DefaultValue("") @NotNull String dkimSelector,
            @DefaultValue("") @NotNull String dkimPrivateKey) {}
}
