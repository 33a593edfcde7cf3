package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTests {

    @Test
    void writesCapitalsAndSmallLettersAsANameIsWritten() {
        assertThat(PersonNames.normalizeCase("ВОРОБЬЕВА")).isEqualTo("Воробьева");
        assertThat(PersonNames.normalizeCase("мария")).isEqualTo("Мария");
        assertThat(PersonNames.normalizeCase("ПАВЛОВНА")).isEqualTo("Павловна");
        assertThat(PersonNames.normalizeCase("петров-водкин")).isEqualTo("Петров-Водкин");
        assertThat(PersonNames.normalizeCase("РИМСКИЙ-КОРСАКОВ")).isEqualTo("Римский-Корсаков");
        assertThat(PersonNames.normalizeCase("анна мария")).isEqualTo("Анна Мария");
        assertThat(PersonNames.normalizeCase("ёлкина")).isEqualTo("Ёлкина");
    }

    @Test
    void leavesMixedCaseAndSmallPartsOfPatronymicsAsWritten() {
        assertThat(PersonNames.normalizeCase("Воробьёва")).isEqualTo("Воробьёва");
        assertThat(PersonNames.normalizeCase("МакКуин")).isEqualTo("МакКуин");
        assertThat(PersonNames.normalizeCase("Ибрагим-оглы")).isEqualTo("Ибрагим-оглы");
        assertThat(PersonNames.normalizeCase("АЛИ ОГЛЫ")).isEqualTo("Али оглы");
        assertThat(PersonNames.normalizeCase(null)).isNull();
    }

    @Test
    void keepsTheStoredNameWhenTheIncomingOneIsItsFoldedForm() {
        assertThat(PersonNames.keepStored("Воробьёва", "Воробьева")).isEqualTo("Воробьёва");
        assertThat(PersonNames.keepStored("Воробьёва", "Соколова")).isEqualTo("Соколова");
        assertThat(PersonNames.keepStored(null, "Мария")).isEqualTo("Мария");
        assertThat(PersonNames.keepStored("Павловна", null)).isNull();
    }
}
