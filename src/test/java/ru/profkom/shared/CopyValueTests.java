package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Values written by PostgreSQL's COPY in its text format: what the file brings must arrive unchanged. */
class CopyValueTests {

    @Test
    void escapesBackslashTabAndLineBreaksAndWritesNullAsBackslashN() {
        assertThat(copy("Иванова\tАнна")).isEqualTo("Иванова\\tАнна");
        assertThat(copy("отдел\r\nхирургии")).isEqualTo("отдел\\r\\nхирургии");
        assertThat(copy("C:\\N")).isEqualTo("C:\\\\N");
        assertThat(copy(null)).isEqualTo("\\N");
        assertThat(copy(LocalDate.of(1990, 2, 1))).isEqualTo("1990-02-01");
        assertThat(copy(42L)).isEqualTo("42");
    }

    private static String copy(Object value) {
        StringBuilder row = new StringBuilder();
        BulkInsert.appendCopyValue(row, value);
        return row.toString();
    }
}
