package ru.profkom.members.generators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.PersonData;
import ru.profkom.shared.Snils;
import ru.profkom.shared.WordLists;

/**
 * Realistic Russian persons for demo unions and tests, without a database: the same seed gives the
 * same people. Names agree in gender (Иванов/Иванова, Сергеевич/Сергеевна), SNILS numbers are valid
 * and unique within one generator, e-mails are Latin transliterations and positions fit the employer.
 */
public final class MemberGenerator {

    /** What kind of employer the primary organization sits at: decides positions and the share of women. */
    public enum EmployerType {
        HOSPITAL(0.85),
        SCHOOL(0.85),
        KINDERGARTEN(0.95),
        UNIVERSITY(0.6),
        MINE(0.15);

        final double womenShare;

        EmployerType(double womenShare) {
            this.womenShare = womenShare;
        }
    }

    /** One generated person with their union category and a plausible date of joining. */
    public record GeneratedPerson(
            String lastName,
            String firstName,
            String patronymic,
            Gender gender,
            LocalDate birthDate,
            String snils,
            String phone,
            String email,
            String position,
            Category category,
            LocalDate joinedOn) {

        public String fullName() {
            return lastName + " " + firstName + " " + patronymic;
        }

        public PersonData toPersonData() {
            return new PersonData(
                    lastName, firstName, patronymic, birthDate, gender, snils, phone, email, position, null);
        }
    }

    /** The word lists, one entry a line, in {@code members/generators/*.txt}. */
    private static final String WORDS = "/members/generators/";

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1955, 1, 1);
    static final LocalDate LATEST_BIRTH = LocalDate.of(2006, 12, 31);

    /** Masculine surnames; the feminine form follows from the ending, indeclinable ones stay as they are. */
    static final List<String> SURNAMES = WordLists.read(WORDS + "surnames.txt");

    private static final List<String> MEN = WordLists.read(WORDS + "men.txt");

    private static final List<String> WOMEN = WordLists.read(WORDS + "women.txt");

    /** The father's name gives the patronymic: {masculine, feminine}; irregular ones are why it is a table. */
    private static final Map<String, String[]> PATRONYMICS = WordLists.read(WORDS + "patronymics.txt").stream()
            .map(line -> line.split(";"))
            .collect(java.util.stream.Collectors.toMap(forms -> forms[0], forms -> new String[] {forms[1], forms[2]}));

    private static final List<String> FATHERS =
            PATRONYMICS.keySet().stream().sorted().toList();

    /** Positions by employer: {masculine, feminine} where the Russian title has two forms. */
    private static final Map<EmployerType, List<String[]>> POSITIONS = positions();

    private static final List<String> MAIL_DOMAINS =
            List.of("mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "rambler.ru", "list.ru");

    /** 3^18: coprime with 10^9, so that consecutive numbers spread over distinct nine-digit SNILS bodies. */
    private static final long SNILS_STEP = 387_420_489L;

    private final Random random;
    private final long snilsOffset;
    private final LocalDate today;
    private long sequence;

    /** {@code today} fixes ages, categories and dates of joining, so the output does not change with the calendar. */
    public MemberGenerator(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.snilsOffset = Math.floorMod(seed * 7_919L, 1_000_000_000L);
        this.today = today;
    }

    public List<GeneratedPerson> people(int count, EmployerType employer) {
        List<GeneratedPerson> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(next(employer));
        }
        return people;
    }

    public GeneratedPerson next(EmployerType employer) {
        Gender gender = random.nextDouble() < employer.womenShare ? Gender.F : Gender.M;
        boolean woman = gender == Gender.F;
        String lastName = surname(pick(SURNAMES), woman);
        String firstName = woman ? pick(WOMEN) : pick(MEN);
        String patronymic = PATRONYMICS.get(pick(FATHERS))[woman ? 1 : 0];
        LocalDate birthDate = EARLIEST_BIRTH.plusDays(
                random.nextInt((int) (LATEST_BIRTH.toEpochDay() - EARLIEST_BIRTH.toEpochDay() + 1)));
        int age = birthDate.until(today).getYears();
        Category category = category(age, employer);
        String position = switch (category) {
            case WORKER -> position(employer, woman, age);
            case STUDENT -> woman ? "студентка" : "студент";
            default -> null;
        };
        LocalDate adulthood = birthDate.plusYears(18);
        LocalDate earliestJoining = adulthood.isAfter(LocalDate.of(1992, 1, 1)) ? adulthood : LocalDate.of(1992, 1, 1);
        LocalDate joinedOn = earliestJoining.isAfter(today)
                ? today
                : earliestJoining.plusDays(
                        random.nextInt((int) (today.toEpochDay() - earliestJoining.toEpochDay() + 1)));
        return new GeneratedPerson(
                lastName,
                firstName,
                patronymic,
                gender,
                birthDate,
                nextSnils(),
                phone(),
                email(firstName, lastName),
                position,
                category,
                joinedOn);
    }

    /** Mostly working members; pensioners among the older, students at a university among the young. */
    private Category category(int age, EmployerType employer) {
        double roll = random.nextDouble();
        if (age >= 60 && roll < 0.35) {
            return Category.PENSIONER;
        }
        if (age <= 23 && (employer == EmployerType.UNIVERSITY ? roll < 0.8 : roll < 0.1)) {
            return Category.STUDENT;
        }
        if (roll > 0.99) {
            return Category.UNEMPLOYED;
        }
        return Category.WORKER;
    }

    /** A doctor, a professor or a deputy head needs years of study and work first: the young get other posts. */
    private String position(EmployerType employer, boolean woman, int age) {
        String[] forms = pick(POSITIONS.get(employer));
        for (int attempt = 0;
                attempt < 10 && age < 27 && SENIOR.matcher(forms[0]).find();
                attempt++) {
            forms = pick(POSITIONS.get(employer));
        }
        return woman && forms.length > 1 ? forms[1] : forms[0];
    }

    private static final java.util.regex.Pattern SENIOR =
            java.util.regex.Pattern.compile("^(врач|профессор|доцент|старш|заместитель|горный мастер)");

    /** Иванов → Иванова, Островский → Островская, Толстой → Толстая; Черных, Шевченко and Ким do not change. */
    /**
     * A full name (Фамилия Имя Отчество) drawn from {@code random}; {@code femaleShare} is the chance
     * of a woman, which differs by trade. Shared with the demo union's names of chairs and staff.
     */
    public static String fullName(Random random, double femaleShare) {
        boolean woman = random.nextDouble() < femaleShare;
        String lastName = surname(SURNAMES.get(random.nextInt(SURNAMES.size())), woman);
        List<String> firstNames = woman ? WOMEN : MEN;
        String firstName = firstNames.get(random.nextInt(firstNames.size()));
        String patronymic = PATRONYMICS.get(FATHERS.get(random.nextInt(FATHERS.size())))[woman ? 1 : 0];
        return lastName + " " + firstName + " " + patronymic;
    }

    /** The surname's form for a man or a woman: Иванов → Иванова, Вишневский → Вишневская; Шевченко stays. */
    public static String surname(String masculine, boolean woman) {
        if (!woman) {
            return masculine;
        }
        if (masculine.endsWith("ов")
                || masculine.endsWith("ев")
                || masculine.endsWith("ёв")
                || masculine.endsWith("ин")
                || masculine.endsWith("ын")) {
            return masculine + "а";
        }
        if (masculine.endsWith("ский") || masculine.endsWith("цкий")) {
            return masculine.substring(0, masculine.length() - 2) + "ая";
        }
        if (masculine.endsWith("ой")) {
            return masculine.substring(0, masculine.length() - 2) + "ая";
        }
        return masculine;
    }

    private String nextSnils() {
        while (true) {
            long body = Math.floorMod(snilsOffset + SNILS_STEP * sequence++, 1_000_000_000L);
            // Numbers up to 001-001-998 predate the checksum; real ones issued now are above them.
            if (body > 1_001_998L) {
                return Snils.withChecksum(String.format(Locale.ROOT, "%09d", body));
            }
        }
    }

    private String phone() {
        return "+79" + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000));
    }

    private String email(String firstName, String lastName) {
        String name = switch (random.nextInt(3)) {
            case 0 -> transliterate(firstName) + "." + transliterate(lastName);
            case 1 -> transliterate(firstName).charAt(0) + "." + transliterate(lastName);
            default -> transliterate(lastName) + (1960 + random.nextInt(46));
        };
        // A counter keeps addresses of namesakes apart without looking generated.
        return name + (random.nextInt(4) == 0 ? String.valueOf(random.nextInt(100)) : "") + sequence + "@"
                + pick(MAIL_DOMAINS);
    }

    /** Russian to Latin as in Russian passports since 2014 (ICAO Doc 9303), lower case. */
    public static String transliterate(String russian) {
        StringBuilder latin = new StringBuilder();
        for (char c : russian.toLowerCase(Locale.ROOT).toCharArray()) {
            latin.append(
                    switch (c) {
                        case 'а' -> "a";
                        case 'б' -> "b";
                        case 'в' -> "v";
                        case 'г' -> "g";
                        case 'д' -> "d";
                        case 'е', 'ё', 'э' -> "e";
                        case 'ж' -> "zh";
                        case 'з' -> "z";
                        case 'и', 'й' -> "i";
                        case 'к' -> "k";
                        case 'л' -> "l";
                        case 'м' -> "m";
                        case 'н' -> "n";
                        case 'о' -> "o";
                        case 'п' -> "p";
                        case 'р' -> "r";
                        case 'с' -> "s";
                        case 'т' -> "t";
                        case 'у' -> "u";
                        case 'ф' -> "f";
                        case 'х' -> "kh";
                        case 'ц' -> "ts";
                        case 'ч' -> "ch";
                        case 'ш' -> "sh";
                        case 'щ' -> "shch";
                        case 'ъ' -> "ie";
                        case 'ы' -> "y";
                        case 'ь' -> "";
                        case 'ю' -> "iu";
                        case 'я' -> "ia";
                        default -> String.valueOf(c);
                    });
        }
        return latin.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Map<EmployerType, List<String[]>> positions() {
        Map<EmployerType, List<String[]>> positions = new java.util.EnumMap<>(EmployerType.class);
        for (EmployerType type : EmployerType.values()) {
            positions.put(
                    type,
                    WordLists.read(WORDS + "positions-"
                                    + type.name()
                                            .toLowerCase(java.util.Locale.ROOT)
                                            .replace('_', '-') + ".txt")
                            .stream()
                            .map(line -> line.split(";"))
                            .toList());
        }
        return positions;
    }
}
