package ru.profkom.mailings.tracking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens of an e-mail, Spring-free: a tracked link ({@code /m/c/{token}?u=<original>}), the open
 * pixel ({@code /m/o/{token}.gif}), the unsubscribe link ({@code /m/u/{token}}) and the VERP return path
 * ({@code bounces+b<row>-<signature>@domain}). Each names its outbox row, and a link also its index in the
 * message; an HMAC-SHA256 of the key over all of that (and over the original address of a link, which travels in
 * the link itself so that nothing is stored per row and link) proves that this installation made it. A token
 * changed by one character, or a link pointed elsewhere, reads as nothing.
 *
 * <p>A token is 23 bytes in URL-safe base64 (31 characters): the kind, the row id (8 bytes), the link index
 * (2 bytes) and the first 12 bytes of the HMAC. The VERP signature is 8 bytes in lower-case hex, since mail
 * systems may change the case of an address's local part.
 */
public final class TrackingTokens {

    /** What a token opens. */
    public enum Kind {
        CLICK('c'),
        OPEN('o'),
        UNSUBSCRIBE('u'),
        BOUNCE('b');

        private final char code;

        Kind(char code) {
            this.code = code;
        }
    }

    /** A token that verified: the row, and for a click the link's index and original address. */
    public record Token(Kind kind, long outboxId, int linkIndex, String url) {}

    private static final int MAC_BYTES = 12;
    private static final int TOKEN_BYTES = 1 + 8 + 2 + MAC_BYTES;
    private static final int VERP_MAC_BYTES = 8;
    private static final Pattern VERP = Pattern.compile(
            "([A-Za-z0-9._%-]+)\\+b(\\d{1,19})-([0-9A-Fa-f]{" + 2 * VERP_MAC_BYTES + "})@([A-Za-z0-9.-]+)",
            Pattern.CASE_INSENSITIVE);

    private final SecretKeySpec key;

    public TrackingTokens(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("A tracking key has at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String click(long outboxId, int linkIndex, String url) {
        return token(Kind.CLICK, outboxId, linkIndex, url);
    }

    public String open(long outboxId) {
        return token(Kind.OPEN, outboxId, 0, "");
    }

    public String unsubscribe(long outboxId) {
        return token(Kind.UNSUBSCRIBE, outboxId, 0, "");
    }

    /** A click's token with the original address it came with; empty when either was changed. */
    public Optional<Token> readClick(String token, String url) {
        return read(Kind.CLICK, token, url == null ? "" : url);
    }

    public Optional<Token> readOpen(String token) {
        return read(Kind.OPEN, token, "");
    }

    public Optional<Token> readUnsubscribe(String token) {
        return read(Kind.UNSUBSCRIBE, token, "");
    }

    /**
     * The VERP return path of a row from the bounce address {@code bounces@example.ru}: {@code
     * bounces+b42-0123456789abcdef@example.ru}.
     */
    public String verp(String bounceAddress, long outboxId) {
        int at = bounceAddress.lastIndexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("A bounce address has a local part and a domain");
        }
        String mac = HexFormat.of().formatHex(mac(Kind.BOUNCE, outboxId, 0, ""), 0, VERP_MAC_BYTES);
        return bounceAddress.substring(0, at) + "+b" + outboxId + "-" + mac + bounceAddress.substring(at);
    }

    /** The row of the first VERP return path of this installation found in the text (a bounce's headers or body). */
    public Optional<Long> findVerp(CharSequence text) {
        Matcher matcher = VERP.matcher(text);
        while (matcher.find()) {
            long outboxId;
            try {
                outboxId = Long.parseLong(matcher.group(2));
            } catch (NumberFormatException e) {
                continue;
            }
            String expected = HexFormat.of().formatHex(mac(Kind.BOUNCE, outboxId, 0, ""), 0, VERP_MAC_BYTES);
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII),
                    matcher.group(3).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(outboxId);
            }
        }
        return Optional.empty();
    }

    private String token(Kind kind, long outboxId, int linkIndex, String url) {
        if (linkIndex < 0 || linkIndex > 0xFFFF) {
            throw new IllegalArgumentException("A message has at most 65,536 links");
        }
        ByteBuffer bytes = ByteBuffer.allocate(TOKEN_BYTES);
        bytes.put((byte) kind.code).putLong(outboxId).putShort((short) linkIndex);
        bytes.put(mac(kind, outboxId, linkIndex, url), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private Optional<Token> read(Kind kind, String token, String url) {
        if (token == null || token.length() != (TOKEN_BYTES * 4 + 2) / 3) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // one spelling per token: base64's unused last bits changed would otherwise read as the same token
        if (raw.length != TOKEN_BYTES
                || raw[0] != (byte) kind.code
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(token)) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        bytes.get();
        long outboxId = bytes.getLong();
        int linkIndex = Short.toUnsignedInt(bytes.getShort());
        byte[] given = new byte[MAC_BYTES];
        bytes.get(given);
        byte[] expected = java.util.Arrays.copyOf(mac(kind, outboxId, linkIndex, url), MAC_BYTES);
        if (!MessageDigest.isEqual(given, expected)) {
            return Optional.empty();
        }
        return Optional.of(new Token(kind, outboxId, linkIndex, kind == Kind.CLICK ? url : null));
    }

    private byte[] mac(Kind kind, long outboxId, int linkIndex, String url) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((byte) kind.code);
            mac.update(ByteBuffer.allocate(10)
                    .putLong(outboxId)
                    .putShort((short) linkIndex)
                    .array());
            mac.update(url.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
