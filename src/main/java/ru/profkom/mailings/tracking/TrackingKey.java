package ru.profkom.mailings.tracking;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.profkom.shared.ProfkomSettings;

/**
 * The key of {@link TrackingTokens}: {@code profkom.mailings.tracking-secret} when set, else one generated at first
 * use and stored in {@code mailing_secret}, so that every node and every restart sign and check alike (a link in
 * an e-mail sent a year ago still works). Two nodes generating at once keep the one stored first.
 */
@Component
class TrackingKey {

    static final String NAME = "tracking";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrackingRepository repository;
    private final String configured;
    private final TransactionTemplate own;
    private volatile TrackingTokens tokens;

    TrackingKey(TrackingRepository repository, ProfkomSettings settings, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.configured = settings.mailings().trackingSecret();
        // A transaction of its own: a key another node stored first must not fail the caller's transaction.
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    TrackingTokens tokens() {
        TrackingTokens known = tokens;
        if (known == null) {
            synchronized (this) {
                known = tokens;
                if (known == null) {
                    known = new TrackingTokens(key());
                    tokens = known;
                }
            }
        }
        return known;
    }

    private byte[] key() {
        if (!configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 16) {
                throw new IllegalStateException("profkom.mailings.tracking-secret has at least 16 characters");
            }
            return bytes;
        }
        String stored = repository.secret(NAME).orElseGet(() -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            String candidate = Base64.getEncoder().encodeToString(fresh);
            try {
                own.executeWithoutResult(status -> repository.storeSecret(NAME, candidate));
            } catch (org.springframework.dao.DuplicateKeyException concurrent) {
                // another node stored its key first: that one is read below
            }
            return repository.secret(NAME).orElseThrow();
        });
        return Base64.getDecoder().decode(stored);
    }
}
