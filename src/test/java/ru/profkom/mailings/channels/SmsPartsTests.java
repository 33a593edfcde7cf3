package ru.profkom.mailings.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import ru.profkom.mailings.channels.SmsParts.Encoding;

class SmsPartsTests {

    static final BigDecimal PRICE = new BigDecimal("2.50");

    @Test
    void countsLatinTextInGsmSeptets160InOnePart153WhenSplit() {
        assertThat(SmsParts.count("a".repeat(160), PRICE))
                .isEqualTo(new SmsParts.Count(Encoding.GSM7, 160, 1, new BigDecimal("2.50")));
        assertThat(SmsParts.count("a".repeat(161), PRICE).parts()).isEqualTo(2);
        assertThat(SmsParts.count("a".repeat(306), PRICE).parts()).isEqualTo(2);
        assertThat(SmsParts.count("a".repeat(307), PRICE).parts()).isEqualTo(3);
    }

    @Test
    void countsCyrillicInUcs2_70InOnePart67WhenSplit() {
        SmsParts.Count one = SmsParts.count("Я".repeat(70), PRICE);
        assertThat(one.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(one.parts()).isEqualTo(1);
        assertThat(SmsParts.count("Я".repeat(71), PRICE).parts()).isEqualTo(2);
        assertThat(SmsParts.count("Я".repeat(134), PRICE).parts()).isEqualTo(2);
        SmsParts.Count three = SmsParts.count("Я".repeat(135), PRICE);
        assertThat(three.parts()).isEqualTo(3);
        assertThat(three.cost()).isEqualByComparingTo("7.50");
    }

    @Test
    void oneCyrillicLetterTurnsTheWholeTextToUcs2() {
        SmsParts.Count count = SmsParts.count("Meeting at 18:00, зал 2", PRICE);
        assertThat(count.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(count.units()).isEqualTo(23);
    }

    @Test
    void countsGsmExtensionCharactersAsTwoSeptets() {
        SmsParts.Count count = SmsParts.count("[1€]", PRICE);
        assertThat(count.encoding()).isEqualTo(Encoding.GSM7);
        assertThat(count.units()).isEqualTo(7);
        assertThat(SmsParts.count("€".repeat(80), PRICE).parts())
                .as("160 septets")
                .isEqualTo(1);
        assertThat(SmsParts.count("€".repeat(81), PRICE).parts()).isEqualTo(2);
    }

    @Test
    void encodesGsmTextInUnpackedSeptets() {
        assertThat(SmsParts.gsm7("A@€")).containsExactly(0x41, 0x00, 0x1B, 0x65);
    }

    @Test
    void countsAnEmptyTextAsNothingToPay() {
        assertThat(SmsParts.count("", PRICE).parts()).isZero();
        assertThat(SmsParts.count(null, PRICE).cost()).isEqualByComparingTo("0");
    }

    @Test
    void countsEmojiAsTwoUcs2Units() {
        assertThat(SmsParts.count("👍", PRICE).units()).isEqualTo(2);
    }

    @Test
    void estimatesTheWholeMailingAsPartsOfOneMessageTimesItsRecipients() {
        SmsParts.Estimate estimate = SmsParts.estimate("Я".repeat(71), new java.math.BigDecimal("2.50"), 1_000);

        assertThat(estimate.encoding()).isEqualTo(Encoding.UCS2);
        assertThat(estimate.partsEach()).isEqualTo(2);
        assertThat(estimate.parts()).isEqualTo(2_000);
        assertThat(estimate.cost()).isEqualByComparingTo("5000.00");
        assertThat(SmsParts.estimate("", java.math.BigDecimal.ONE, 10).parts()).isZero();
    }
}
