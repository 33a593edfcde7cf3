package ru.profkom.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one PDF writer: Russian text that can be read back, upright or on its side, tables with or without heading. */
class PdfReportTests {

    @Test
    void writesAnUprightReportWithRussianTitleLinesAndTables() throws Exception {
        byte[] pdf = write(PdfReport.Orientation.PORTRAIT);

        PdfReader reader = new PdfReader(pdf);
        Rectangle page = reader.getPageSizeWithRotation(1);
        assertThat(page.getHeight()).isGreaterThan(page.getWidth());
        assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
                .contains("Отчёт о численности")
                .contains("Котласская городская организация")
                .contains("Члены профсоюза")
                .contains("Учреждение здравоохранения")
                .contains("1 234")
                .contains("Каналы");
    }

    @Test
    void writesAWideReportOnItsSide() throws Exception {
        byte[] pdf = write(PdfReport.Orientation.LANDSCAPE);

        Rectangle page = new PdfReader(pdf).getPageSizeWithRotation(1);
        assertThat(page.getWidth()).isGreaterThan(page.getHeight());
    }

    @Test
    void writesOneReportAfterAnotherWithTheSameFonts() throws Exception {
        byte[] first = write(PdfReport.Orientation.PORTRAIT);
        byte[] second = write(PdfReport.Orientation.PORTRAIT);

        assertThat(new PdfTextExtractor(new PdfReader(second)).getTextFromPage(1))
                .isEqualTo(new PdfTextExtractor(new PdfReader(first)).getTextFromPage(1));
    }

    private static byte[] write(PdfReport.Orientation orientation) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(
                out,
                orientation,
                "Отчёт о численности",
                List.of("Котласская городская организация"),
                List.of(
                        new PdfReport.Section(
                                "",
                                List.of("Организация", "Члены профсоюза"),
                                List.of(List.of("Учреждение здравоохранения", "1 234"), List.of("Школа", 17))),
                        new PdfReport.Section(
                                "Каналы", List.of("Вид", "Адрес"), List.of(List.of("Telegram", "https://t.me/ppo")))));
        return out.toByteArray();
    }
}
