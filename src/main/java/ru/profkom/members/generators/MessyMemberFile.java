package ru.profkom.members.generators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.generators.MemberGenerator.GeneratedPerson;

/**
 * Writes members the way union staff send them: a CSV saved by Excel in windows-1251 with ";",
 * a title row above the header, and the usual damage: typos, duplicates, impossible and future
 * dates, invalid SNILS, phones in any format. Import tests check that each defect is caught.
 */
public final class MessyMemberFile {

    public static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    public static final List<String> HEADER = List.of(
            "№", "ФИО", "Дата рождения", "СНИЛС", "Телефон", "E-mail", "Должность", "Категория", "Дата вступления");

    /** What was damaged, so that a test knows what the import must report; rows exclude the title and header. */
    public record Defects(
            int rows,
            int duplicates,
            int impossibleDates,
            int futureDates,
            int invalidSnils,
            int typos,
            List<Integer> defectiveRows) {}

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final Random random;
    private final LocalDate today;

    public MessyMemberFile(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /**
     * {@code member-file --rows N [--defects 0.01] FILE}: a realistic messy file of N generated
     * people of a hospital (windows-1251, a title row, about one damaged row in a hundred) for the
     * import benchmark; runs without a database.
     */
    public static int command(String[] options) {
        int rows = 1_000_000;
        double defects = 0.01;
        java.nio.file.Path file = null;
        for (int i = 0; i < options.length; i++) {
            String option = options[i];
            if (option.startsWith("--rows")) {
                rows = Integer.parseInt(value(options, i).replace("_", ""));
                i += option.contains("=") ? 0 : 1;
            } else if (option.startsWith("--defects")) {
                defects = Double.parseDouble(value(options, i));
                i += option.contains("=") ? 0 : 1;
            } else if (!option.startsWith("--")) {
                file = java.nio.file.Path.of(option);
            }
        }
        if (file == null) {
            System.err.println("Использование: profkom member-file --rows N [--defects 0.01] ФАЙЛ.csv");
            return 2;
        }
        LocalDate today = LocalDate.of(2026, 11, 1);
        List<GeneratedPerson> people =
                new MemberGenerator(rows, today).people(rows, MemberGenerator.EmployerType.HOSPITAL);
        try (OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16)) {
            Defects written = new MessyMemberFile(rows, today).write("ГБУЗ «Городская больница»", people, defects, out);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "%s: %,d rows, %,d damaged (%,d repeated people), %,d bytes%n",
                    file,
                    written.rows(),
                    written.defectiveRows().size(),
                    written.duplicates(),
                    java.nio.file.Files.size(file));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String[] options, int i) {
        return options[i].contains("=") ? options[i].substring(options[i].indexOf('=') + 1) : options[i + 1];
    }

    /**
     * Writes the people, damaging about one row in {@code 1/defectRate}: each damaged row carries
     * one defect, so that the counts in {@link Defects} are exact.
     */
    public Defects write(String organizationName, List<GeneratedPerson> people, double defectRate, OutputStream out) {
        int duplicates = 0;
        int impossibleDates = 0;
        int futureDates = 0;
        int invalidSnils = 0;
        int typos = 0;
        List<Integer> defective = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (GeneratedPerson person : people) {
            List<String> row = cells(person);
            if (random.nextDouble() >= defectRate) {
                rows.add(row);
                continue;
            }
            switch (random.nextInt(5)) {
                case 0 -> {
                    rows.add(row);
                    // The same person again, as staff paste a block twice: sometimes in capitals.
                    List<String> copy = new ArrayList<>(row);
                    if (random.nextBoolean()) {
                        copy.set(1, copy.get(1).toUpperCase());
                    }
                    row = copy;
                    duplicates++;
                }
                case 1 -> {
                    row.set(2, "31.02." + person.birthDate().getYear());
                    impossibleDates++;
                }
                case 2 -> {
                    row.set(8, today.plusYears(1 + random.nextInt(3)).format(RUSSIAN_DATE));
                    futureDates++;
                }
                case 3 -> {
                    row.set(3, brokenSnils(person.snils()));
                    invalidSnils++;
                }
                default -> {
                    row.set(1, typo(row.get(1)));
                    typos++;
                }
            }
            rows.add(row);
            defective.add(rows.size());
        }
        try {
            Writer writer = new OutputStreamWriter(out, WINDOWS_1251);
            writer.write(line(
                    List.of("Список членов профсоюза: " + organizationName + " на " + today.format(RUSSIAN_DATE))));
            writer.write(line(HEADER));
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = new ArrayList<>(rows.get(i));
                row.set(0, String.valueOf(i + 1));
                writer.write(line(row));
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Defects(
                rows.size(), duplicates, impossibleDates, futureDates, invalidSnils, typos, List.copyOf(defective));
    }

    private List<String> cells(GeneratedPerson person) {
        List<String> row = new ArrayList<>();
        row.add("");
        // Some staff type extra spaces around and between the words of ФИО.
        row.add(random.nextInt(10) == 0 ? "  " + person.fullName().replace(" ", "  ") + " " : person.fullName());
        row.add(person.birthDate().format(RUSSIAN_DATE));
        row.add(random.nextInt(3) == 0 ? person.snils() : ru.profkom.shared.Snils.display(person.snils()));
        row.add(phone(person.phone()));
        row.add(person.email() == null || random.nextInt(5) == 0 ? "" : person.email());
        row.add(person.position() == null ? "" : person.position());
        row.add(category(person.category()));
        row.add(person.joinedOn().format(RUSSIAN_DATE));
        return row;
    }

    /** +79123456789 as people write it: 8 (912) 345-67-89, 89123456789, +7 912 345 67 89. */
    private String phone(String phone) {
        String d = phone.substring(2);
        return switch (random.nextInt(4)) {
            case 0 ->
                "8 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6, 8) + "-" + d.substring(8);
            case 1 -> "8" + d;
            case 2 ->
                "+7 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6, 8) + " " + d.substring(8);
            default -> phone;
        };
    }

    private static String category(Category category) {
        return switch (category) {
            case WORKER -> "работающий";
            case STUDENT -> "студент";
            case PENSIONER -> "неработающий пенсионер";
            case UNEMPLOYED -> "временно неработающий";
        };
    }

    /** The checksum no longer matches: the last digit is changed. */
    private static String brokenSnils(String snils) {
        char last = snils.charAt(10);
        return snils.substring(0, 10) + (char) (last == '9' ? '0' : last + 1);
    }

    /** Two neighbouring letters of the last name swapped, the commonest slip of the fingers. */
    private String typo(String fullName) {
        String name = fullName.strip();
        int space = name.indexOf(' ');
        int at = 1 + random.nextInt(Math.max(1, space - 2));
        char[] chars = name.toCharArray();
        if (chars[at] == chars[at + 1]) {
            // Swapping "нн" changes nothing; a doubled letter is a slip too.
            return name.substring(0, at) + chars[at] + name.substring(at);
        }
        char swapped = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = swapped;
        return new String(chars);
    }

    /** Excel on Windows ends lines with CR LF; cells are quoted and neutralized as every CSV Profkom writes. */
    private static String line(List<String> cells) {
        return ru.profkom.shared.Csv.line(cells);
    }
}
