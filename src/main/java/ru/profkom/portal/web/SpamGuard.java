package ru.profkom.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import ru.profkom.shared.ProfkomSettings;

/**
 * Keeps robots out of the public forms without any outside service: a hidden field that people leave
 * empty (the honeypot), a signed time of issue that must be at least three seconds
 * ({@code profkom.portal.min-fill-time}) and at most {@link #MAX_AGE} old, and at most {@link #LIMIT}
 * submissions per address and form in {@link #WINDOW}. A token is accepted once ({@link UsedFormTokens}, in the
 * database, so on any node): a robot cannot sign one form and send it again and again.
 * The counts per address live in this node's memory: behind several nodes each keeps its own. The address is the
 * client's even behind a reverse proxy, when the proxy is listed in {@code profkom.web.trusted-proxies}.
 */
@Component
class SpamGuard {

    static final Duration MAX_AGE = Duration.ofHours(12);
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int LIMIT = 5;
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    /** What a submission turned out to be. */
    enum Verdict {
        HUMAN,
        /** The honeypot was filled: answered as if accepted, stored nowhere. */
        ROBOT,
        TOO_FAST,
        EXPIRED,
        TOO_MANY,
        /** The token was accepted before: a replay, or the same form sent twice. */
        USED;

        String messageKey() {
            return "portal.spam." + name();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final UsedFormTokens usedTokens;
    private final Duration minFillTime;
    private final byte[] secret;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    SpamGuard(Clock clock, UsedFormTokens usedTokens, ProfkomSettings settings) {
        String configuredSecret = settings.portal().formSecret();
        this.clock = clock;
        this.usedTokens = usedTokens;
        this.minFillTime = settings.portal().minFillTime();
        if (configuredSecret.isBlank()) {
            // Without a configured secret each start signs anew: forms opened before a restart are refused once.
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.secret = random;
        } else {
            this.secret = configuredSecret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The signed time of issue that a form carries in a hidden field, with a random part so that two forms
     * opened in the same millisecond get different tokens.
     */
    String token(String form) {
        long issued = clock.millis();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        String issue = issued + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return issue + "." + sign(form + ":" + issue);
    }

    Verdict check(String form, String token, String honeypot, String address) {
        if (honeypot != null && !honeypot.isEmpty()) {
            return Verdict.ROBOT;
        }
        if (!countWithinLimit(form + "|" + address)) {
            return Verdict.TOO_MANY;
        }
        Optional<Instant> issued = issuedAt(form, token);
        if (issued.isEmpty()) {
            return Verdict.EXPIRED;
        }
        Instant now = clock.instant();
        if (issued.get().plus(minFillTime).isAfter(now)) {
            return Verdict.TOO_FAST;
        }
        if (issued.get().plus(MAX_AGE).isBefore(now)) {
            return Verdict.EXPIRED;
        }
        if (!usedTokens.use(sha256(form + ":" + token), issued.get().plus(MAX_AGE), now)) {
            return Verdict.USED;
        }
        return Verdict.HUMAN;
    }

    private Optional<Instant> issuedAt(String form, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String issue = token.substring(0, dot);
        byte[] expected = sign(form + ":" + issue).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        int dash = issue.indexOf('-');
        String millis = dash < 0 ? issue : issue.substring(0, dash);
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(millis)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean countWithinLimit(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        if (hits.size() > MAX_TRACKED_ADDRESSES) {
            hits.values().removeIf(times -> {
                synchronized (times) {
                    return times.isEmpty() || times.peekLast().isBefore(since);
                }
            });
        }
        Deque<Instant> times = hits.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
                times.pollFirst();
            }
            if (times.size() >= LIMIT) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
