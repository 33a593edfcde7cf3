package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** One Russian way of writing numbers for every page: «33,9 %» beside «26,98 %», never «33.9 %». */
class FormatsTests {

    private final Formats formats = new Formats();

    @Test
    void percentagesHaveADecimalCommaAndASpaceBeforeTheSign() {
        assertThat(formats.percent(33.9)).isEqualTo("33,9 %");
        assertThat(formats.percent(new BigDecimal("26.98"))).isEqualTo("26,98 %");
        assertThat(formats.percent(50.0)).isEqualTo("50 %");
        assertThat(formats.percent(45)).isEqualTo("45 %");
        assertThat(formats.percent(null)).isEqualTo("—");
    }

    @Test
    void numbersAreGroupedByThousandsWithAPlainSpace() {
        assertThat(formats.integer(1_234_567L)).isEqualTo("1 234 567");
        assertThat(formats.integer(999)).isEqualTo("999");
        assertThat(formats.number(new BigDecimal("1234.5"))).isEqualTo("1 234,5");
        assertThat(formats.number(0.1 + 0.2)).isEqualTo("0,3");
        assertThat(formats.integer(null)).isEmpty();
    }
}
