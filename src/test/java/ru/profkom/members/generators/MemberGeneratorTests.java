package ru.profkom.members.generators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.generators.MemberGenerator.EmployerType;
import ru.profkom.members.generators.MemberGenerator.GeneratedPerson;
import ru.profkom.members.generators.MessyMemberFile.Defects;
import ru.profkom.shared.Phones;
import ru.profkom.shared.Snils;

class MemberGeneratorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void generatesTheSamePeopleFromTheSameSeed() {
        List<GeneratedPerson> first = new MemberGenerator(42, TODAY).people(500, EmployerType.HOSPITAL);
        List<GeneratedPerson> second = new MemberGenerator(42, TODAY).people(500, EmployerType.HOSPITAL);
        List<GeneratedPerson> other = new MemberGenerator(43, TODAY).people(500, EmployerType.HOSPITAL);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void generatesValidAndUniqueData() {
        List<GeneratedPerson> people = new MemberGenerator(7, TODAY).people(5_000, EmployerType.SCHOOL);
        Set<String> snils = new HashSet<>();
        Set<String> emails = new HashSet<>();

        for (GeneratedPerson person : people) {
            assertThat(Snils.isValid(person.snils())).as(person.snils()).isTrue();
            assertThat(person.phone()).matches("\\+79\\d{9}");
            assertThat(Phones.normalize(person.phone())).contains(person.phone());
            assertThat(person.email()).matches("[a-z0-9.]+@[a-z]+\\.[a-z]+");
            assertThat(person.birthDate()).isBetween(LocalDate.of(1955, 1, 1), LocalDate.of(2006, 12, 31));
            assertThat(person.joinedOn())
                    .isAfterOrEqualTo(
                            person.birthDate().plusYears(18).isAfter(TODAY)
                                    ? TODAY
                                    : person.birthDate().plusYears(18))
                    .isBeforeOrEqualTo(TODAY);
            snils.add(person.snils());
            emails.add(person.email());
        }
        assertThat(snils).hasSize(people.size());
        assertThat(emails).hasSize(people.size());
        long workers =
                people.stream().filter(p -> p.category() == Category.WORKER).count();
        assertThat(workers).isGreaterThan(people.size() * 8L / 10);
        assertThat(people).anyMatch(p -> p.category() == Category.PENSIONER);
        assertThat(people).anyMatch(p -> p.category() == Category.STUDENT);
    }

    @Test
    void agreesNamesWithTheGender() {
        List<GeneratedPerson> people = new MemberGenerator(11, TODAY).people(3_000, EmployerType.HOSPITAL);

        for (GeneratedPerson person : people) {
            if (person.gender() == Gender.F) {
                assertThat(person.patronymic()).as(person.fullName()).matches(".*(вна|чна)");
                assertThat(person.lastName()).as(person.fullName()).doesNotMatch(".*(ов|ев|ёв|ин|ский|цкий|ой)");
            } else {
                assertThat(person.patronymic()).as(person.fullName()).matches(".*(вич|ич)");
                assertThat(person.lastName()).as(person.fullName()).doesNotMatch(".*(ова|ева|ина|ская|цкая|ая)");
            }
        }
        assertThat(people).anyMatch(p -> p.position() != null && p.position().equals("медицинская сестра"));
        assertThat(MemberGenerator.surname("Иванов", true)).isEqualTo("Иванова");
        assertThat(MemberGenerator.surname("Островский", true)).isEqualTo("Островская");
        assertThat(MemberGenerator.surname("Толстой", true)).isEqualTo("Толстая");
        assertThat(MemberGenerator.surname("Черных", true)).isEqualTo("Черных");
        assertThat(MemberGenerator.transliterate("Щукина Юлия")).isEqualTo("shchukina iuliia");
    }

    @Test
    void givesMinersMinersPositions() {
        List<GeneratedPerson> miners = new MemberGenerator(3, TODAY).people(500, EmployerType.MINE);

        assertThat(miners).anyMatch(p -> "горнорабочий".equals(p.position()));
        assertThat(miners.stream().filter(p -> p.gender() == Gender.M).count()).isGreaterThan(300);
    }

    @Test
    void writesAMessyWindows1251FileWithTheDefectsItReports() {
        List<GeneratedPerson> people = new MemberGenerator(5, TODAY).people(400, EmployerType.KINDERGARTEN);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Defects defects = new MessyMemberFile(5, TODAY).write("ППО детского сада № 7", people, 0.2, out);
        Defects again =
                new MessyMemberFile(5, TODAY).write("ППО детского сада № 7", people, 0.2, new ByteArrayOutputStream());

        assertThat(again).isEqualTo(defects);
        String text = out.toString(MessyMemberFile.WINDOWS_1251);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("Список членов профсоюза: ППО детского сада № 7");
        assertThat(lines.get(1)).isEqualTo(String.join(";", MessyMemberFile.HEADER));
        assertThat(lines).hasSize(2 + defects.rows());
        assertThat(defects.rows()).isEqualTo(people.size() + defects.duplicates());
        assertThat(defects.duplicates()).isPositive();
        assertThat(defects.impossibleDates()).isPositive();
        assertThat(defects.futureDates()).isPositive();
        assertThat(defects.invalidSnils()).isPositive();
        assertThat(defects.typos()).isPositive();
        assertThat(text).contains("31.02.").contains("\r\n");
        long invalid = lines.stream()
                .skip(2)
                .map(line -> line.split(";", -1)[3])
                .filter(snils -> !Snils.isValid(snils))
                .count();
        assertThat(invalid).isEqualTo(defects.invalidSnils());
        // Read as UTF-8 the Cyrillic turns to garbage: the file really is windows-1251.
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("ФИО");
    }
}
