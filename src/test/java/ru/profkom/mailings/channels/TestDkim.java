package ru.profkom.mailings.channels;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * A DKIM key for tests, written as the operator writes it (PKCS#8 PEM), and Apache James' jDKIM as the verifier,
 * fed the public key as the DNS TXT record {@code v=DKIM1; k=rsa; p=…} would give it.
 */
final class TestDkim {

    private static KeyPair pair;

    private TestDkim() {}

    /** One 2048-bit RSA pair for the run (making one takes a moment). */
    static synchronized KeyPair keyPair() throws Exception {
        if (pair == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        }
        return pair;
    }

    static Path pem(KeyPair pair, Path folder) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded());
        return Files.writeString(
                folder.resolve("dkim.pem"), "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }

    /** The TXT record to publish at {@code <selector>._domainkey.<domain>}. */
    static String txtRecord(PublicKey key) {
        return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The valid signatures of the message as it went over the wire; a FailException when none verifies. */
    static List<SignatureRecord> verify(String wire, PublicKey key) throws Exception {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> List.of(txtRecord(key)));
        List<SignatureRecord> valid =
                verifier.verify(new ByteArrayInputStream(wire.getBytes(StandardCharsets.US_ASCII)));
        if (valid == null || valid.isEmpty()) {
            throw new FailException("no valid DKIM signature: " + verifier.getResults());
        }
        return valid;
    }
}
