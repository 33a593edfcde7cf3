package ru.profkom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void transliteratesRussianNamesIntoReadableAddresses() {
        assertThat(Slugs.transliterate("ППО городской больницы № 2")).isEqualTo("ppo-gorodskoy-bolnitsy-2");
        assertThat(Slugs.transliterate("Профком «Щёлково-Ёж»")).isEqualTo("profkom-shchelkovo-ezh");
        assertThat(Slugs.transliterate("Я")).isEqualTo("org-ya");
        assertThat(Slugs.transliterate("«»")).isEqualTo("org");
    }

    @Test
    void keepsLongNamesWithinTheLimitAtAWordBoundary() {
        String slug = Slugs.transliterate(
                "Первичная профсоюзная организация государственного бюджетного учреждения здравоохранения");
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
        assertThat(Slugs.isValid(slug)).isTrue();
        assertThat(slug).doesNotEndWith("-");
    }
}
