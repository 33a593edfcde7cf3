package ru.profkom.mailings.channels;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;

/**
 * How many SMS parts a text takes and what it costs, before it is sent: a text in the GSM 03.38 alphabet goes
 * in 7-bit septets (160 in one part, 153 a part when split, the extension characters such as {@code €} and
 * {@code [} taking two), anything else, Cyrillic included, in UCS-2 (70 characters in one part, 67 a part).
 */
public final class SmsParts {

    public enum Encoding {
        GSM7,
        UCS2
    }

    /**
     * @param units septets for GSM-7, UTF-16 code units for UCS-2
     * @param cost parts × price per part
     */
    public record Count(Encoding encoding, int units, int parts, BigDecimal cost) {}

    /**
     * What a text costs sent to {@code recipients} people, shown before sending.
     *
     * @param partsEach parts of one message
     * @param parts parts in all
     * @param cost all the parts at the price of one (zero when no price is configured)
     */
    public record Estimate(Encoding encoding, int partsEach, long recipients, long parts, BigDecimal cost) {}

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";
    private static final char[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private SmsParts() {}

    public static Estimate estimate(String text, BigDecimal pricePerPart, long recipients) {
        Count one = count(text, pricePerPart);
        long parts = one.parts() * recipients;
        return new Estimate(
                one.encoding(), one.parts(), recipients, parts, pricePerPart.multiply(BigDecimal.valueOf(parts)));
    }

    public static Count count(String text, BigDecimal pricePerPart) {
        String body = text == null ? "" : text;
        Encoding encoding = encodingOf(body);
        int units = encoding == Encoding.GSM7 ? septets(body) : body.length();
        int single = encoding == Encoding.GSM7 ? 160 : 70;
        int perPart = encoding == Encoding.GSM7 ? 153 : 67;
        int parts = units == 0 ? 0 : units <= single ? 1 : (units + perPart - 1) / perPart;
        return new Count(encoding, units, parts, pricePerPart.multiply(BigDecimal.valueOf(parts)));
    }

    public static Encoding encodingOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001B' || (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0)) {
                return Encoding.UCS2;
            }
        }
        return Encoding.GSM7;
    }

    /** The text in unpacked GSM 03.38 septets, one a byte (what SMPP's data_coding 0 carries); GSM-7 text only. */
    static byte[] gsm7(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = BASIC.indexOf(c);
            if (basic >= 0 && c != '\u001B') {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("not in the GSM 03.38 alphabet at " + i);
            }
            out.write(0x1B);
            out.write(EXTENSION_CODES[extension]);
        }
        return out.toByteArray();
    }

    private static int septets(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            count += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return count;
    }
}
