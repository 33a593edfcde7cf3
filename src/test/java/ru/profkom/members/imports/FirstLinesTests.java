package ru.profkom.members.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstLinesTests {

    @Test
    void remembersTheFirstLineOfEveryKeyThroughManyGrowths() {
        FirstLines seen = new FirstLines();
        for (int line = 1; line <= 200_000; line++) {
            assertThat(seen.putIfAbsent("иванов иван " + line, line)).isZero();
        }
        assertThat(seen.putIfAbsent("иванов иван 1", 200_001)).isEqualTo(1);
        assertThat(seen.putIfAbsent("иванов иван 150000", 200_002)).isEqualTo(150_000);
        assertThat(seen.putIfAbsent("иванов иван 0", 200_003)).isZero();
    }

    @Test
    void tellsApartKeysThatDifferInOneLetter() {
        FirstLines seen = new FirstLines();
        seen.putIfAbsent("петров петр|1980-01-01", 2);
        assertThat(seen.putIfAbsent("петров петр|1980-01-02", 3)).isZero();
        assertThat(seen.putIfAbsent("петрова петр|1980-01-01", 4)).isZero();
        assertThat(seen.putIfAbsent("петров петр|1980-01-01", 5)).isEqualTo(2);
    }
}
