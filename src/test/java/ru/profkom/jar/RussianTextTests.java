package ru.profkom.jar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RussianTextTests {

    @Test
    void findsEnglishPhrasesConstantsAndMissingKeys() {
        assertThat(RussianText.englishIn("Согласие: PROCESSING, канал EMAIL_ADDRESS"))
                .containsExactly("PROCESSING", "EMAIL_ADDRESS");
        assertThat(RussianText.englishIn("Нажмите Save changes, чтобы сохранить"))
                .containsExactly("Save changes");
        assertThat(RussianText.englishIn("Заголовок ??member.title_ru??")).containsExactly("??member.title_ru??");
    }

    @Test
    void letsBrandsFormatsAddressesAndCodesPass() {
        assertThat(RussianText.englishIn("Выгрузка в CSV и XLSX, канал Telegram, лента RSS и Atom"))
                .isEmpty();
        assertThat(RussianText.englishIn("Пишите на info@demo.profkom.local или https://example.org/a-b"))
                .isEmpty();
        assertThat(RussianText.englishIn("Адрес страницы: ppo-obkhod, вход: admin"))
                .isEmpty();
        assertThat(RussianText.englishIn("English")).isEmpty();
    }
}
