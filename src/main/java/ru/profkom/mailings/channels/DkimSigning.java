package ru.profkom.mailings.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.simplejavamail.utils.mail.dkim.Canonicalization;
import org.simplejavamail.utils.mail.dkim.DkimException;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import ru.profkom.shared.ProfkomSettings;

/**
 * DKIM signatures (RFC 6376, rsa-sha256, relaxed canonicalisation of headers and body) of the mailings' e-mails with the key of
 * {@code profkom.mailings.dkim-*}; the signing itself is the library's (simplejavamail's utils-mail-dkim).
 *
 * <p>The key is read and checked once, at start: a key configured but unreadable, not RSA, shorter than 1024
 * bits, or without a domain and selector stops the start with what is wrong. Each message gets a signer of its
 * own: the library's signer keeps one {@link java.security.Signature} and is not safe across the connections'
 * threads, and making one costs microseconds beside the RSA operation itself.
 */
final class DkimSigning {

    /** The headers signed when present, beyond the library's default list (From, To, Subject, Date …). */
    static final List<String> SIGNED_HEADERS = List.of(
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "List-Unsubscribe",
            "List-Unsubscribe-Post",
            "MIME-Version",
            "Content-Type");

    private static final int MIN_KEY_BITS = 1024;

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";

    private static final java.util.regex.Pattern PEM =
            java.util.regex.Pattern.compile(PEM_BEGIN + "([A-Za-z0-9+/=\\s]*)-----END PRIVATE KEY-----");

    private final String domain;
    private final String selector;
    private final RSAPrivateKey key;

    private DkimSigning(String domain, String selector, RSAPrivateKey key) {
        this.domain = domain;
        this.selector = selector;
        this.key = key;
        signer(); // the domain's form is checked by the library: at start, not at the first message
    }

    /** The signing of the settings, or empty when no key is configured (e-mails go unsigned). */
    static Optional<DkimSigning> of(ProfkomSettings.Mailings settings) {
        String path = settings.dkimPrivateKey().strip();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        String domain = settings.dkimDomain().strip();
        String selector = settings.dkimSelector().strip();
        if (domain.isEmpty() || selector.isEmpty()) {
            throw new IllegalStateException(
                    "profkom.mailings.dkim-private-key is set, so dkim-domain and dkim-selector are needed too");
        }
        RSAPrivateKey key = readKey(Path.of(path));
        try {
            return Optional.of(new DkimSigning(domain, selector, key));
        } catch (DkimException e) {
            throw new IllegalStateException("profkom.mailings.dkim-domain: " + e.getMessage(), e);
        }
    }

    /** A PKCS#8 RSA private key, PEM ({@code -----BEGIN PRIVATE KEY-----}) or DER. */
    static RSAPrivateKey readKey(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "profkom.mailings.dkim-private-key: cannot read " + path + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalStateException("profkom.mailings.dkim-private-key: " + path
                    + " is a PKCS#1 key; convert it to PKCS#8 with"
                    + " `openssl pkcs8 -topk8 -nocrypt -in <key> -out <key>.pk8.pem`");
        }
        byte[] der = bytes;
        java.util.regex.Matcher pem = PEM.matcher(text);
        if (text.contains(PEM_BEGIN)) {
            if (!pem.find()) {
                throw new IllegalStateException("profkom.mailings.dkim-private-key: " + path
                        + " is not an unencrypted PKCS#8 RSA private key (no END line)");
            }
            try {
                der = Base64.getMimeDecoder().decode(pem.group(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "profkom.mailings.dkim-private-key: " + path + " is not an unencrypted PKCS#8 RSA private key",
                        e);
            }
        }
        RSAPrivateKey key;
        try {
            key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(
                    "profkom.mailings.dkim-private-key: " + path + " is not an unencrypted PKCS#8 RSA private key", e);
        }
        if (key.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new IllegalStateException("profkom.mailings.dkim-private-key: " + path + " has "
                    + key.getModulus().bitLength() + " bits; DKIM needs at least " + MIN_KEY_BITS + " (2048 advised)");
        }
        if (!(key instanceof RSAPrivateCrtKey)) {
            // without the CRT parameters every signature costs about four times as much
            throw new IllegalStateException(
                    "profkom.mailings.dkim-private-key: " + path + " lacks the CRT parameters of a full RSA key");
        }
        return key;
    }

    /** The message signed when it is written out: the same headers and body, with a {@code DKIM-Signature}. */
    SMTPMessage sign(MimeMessage message, String envelopeFrom) throws MessagingException {
        DkimMessage signed = new DkimMessage(message, signer());
        signed.setEnvelopeFrom(envelopeFrom);
        return signed;
    }

    String domain() {
        return domain;
    }

    String selector() {
        return selector;
    }

    private DkimSigner signer() {
        DkimSigner signer = new DkimSigner(domain, selector, key);
        signer.setHeaderCanonicalization(Canonicalization.RELAXED);
        signer.setBodyCanonicalization(Canonicalization.RELAXED);
        // the library would look the key up in DNS before every signature: the operator checks it once (docs)
        signer.setCheckDomainKey(false);
        SIGNED_HEADERS.forEach(signer::addHeaderToSign);
        return signer;
    }
}
