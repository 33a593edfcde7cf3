package ru.profkom.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.shared.Snils;

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

    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1955, 1, 1);
    static final LocalDate LATEST_BIRTH = LocalDate.of(2006, 12, 31);

    /** Masculine surnames; the feminine form follows from the ending, indeclinable ones stay as they are. */
    static final List<String> SURNAMES = List.of(
            "Иванов",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Васильев",
            "Петров",
            "Соколов",
            "Михайлов",
            "Новиков",
            "Фёдоров",
            "Морозов",
            "Волков",
            "Алексеев",
            "Лебедев",
            "Семёнов",
            "Егоров",
            "Павлов",
            "Козлов",
            "Степанов",
            "Николаев",
            "Орлов",
            "Андреев",
            "Макаров",
            "Никитин",
            "Захаров",
            "Зайцев",
            "Соловьёв",
            "Борисов",
            "Яковлев",
            "Григорьев",
            "Романов",
            "Воробьёв",
            "Сергеев",
            "Кузьмин",
            "Фролов",
            "Александров",
            "Дмитриев",
            "Королёв",
            "Гусев",
            "Киселёв",
            "Ильин",
            "Максимов",
            "Поляков",
            "Сорокин",
            "Виноградов",
            "Ковалёв",
            "Белов",
            "Медведев",
            "Антонов",
            "Тарасов",
            "Жуков",
            "Баранов",
            "Филиппов",
            "Комаров",
            "Давыдов",
            "Беляев",
            "Герасимов",
            "Богданов",
            "Осипов",
            "Сидоров",
            "Матвеев",
            "Титов",
            "Марков",
            "Миронов",
            "Крылов",
            "Куликов",
            "Карпов",
            "Власов",
            "Мельников",
            "Денисов",
            "Гаврилов",
            "Тихонов",
            "Казаков",
            "Афанасьев",
            "Данилов",
            "Савельев",
            "Тимофеев",
            "Фомин",
            "Чернов",
            "Абрамов",
            "Мартынов",
            "Ефимов",
            "Федотов",
            "Щербаков",
            "Назаров",
            "Калинин",
            "Исаев",
            "Чернышёв",
            "Быков",
            "Маслов",
            "Родионов",
            "Коновалов",
            "Лазарев",
            "Воронин",
            "Климов",
            "Филатов",
            "Пономарёв",
            "Голубев",
            "Кудрявцев",
            "Прохоров",
            "Наумов",
            "Потапов",
            "Журавлёв",
            "Овчинников",
            "Трофимов",
            "Леонов",
            "Соболев",
            "Ермаков",
            "Колесников",
            "Гончаров",
            "Емельянов",
            "Никифоров",
            "Грачёв",
            "Котов",
            "Гришин",
            "Ефремов",
            "Архипов",
            "Громов",
            "Кириллов",
            "Малышев",
            "Панов",
            "Моисеев",
            "Румянцев",
            "Акимов",
            "Кондратьев",
            "Бирюков",
            "Горбунов",
            "Анисимов",
            "Еремин",
            "Тихомиров",
            "Галкин",
            "Лукьянов",
            "Михеев",
            "Скворцов",
            "Юдин",
            "Белоусов",
            "Нестеров",
            "Симонов",
            "Прокофьев",
            "Харитонов",
            "Князев",
            "Цветков",
            "Левин",
            "Митрофанов",
            "Воронов",
            "Аксёнов",
            "Софронов",
            "Мальцев",
            "Логинов",
            "Горшков",
            "Савин",
            "Краснов",
            "Майоров",
            "Демидов",
            "Елисеев",
            "Рыбаков",
            "Сафонов",
            "Плотников",
            "Дёмин",
            "Хохлов",
            "Жданов",
            "Руденко",
            "Шевченко",
            "Черных",
            "Седых",
            "Ким",
            "Островский",
            "Успенский",
            "Вишневский",
            "Жуковский",
            "Покровский",
            "Высоцкий",
            "Трубецкой",
            "Толстой",
            "Полевой",
            "Луговской");

    private static final List<String> MEN = List.of(
            "Александр",
            "Сергей",
            "Дмитрий",
            "Андрей",
            "Алексей",
            "Максим",
            "Евгений",
            "Иван",
            "Михаил",
            "Артём",
            "Николай",
            "Владимир",
            "Денис",
            "Павел",
            "Олег",
            "Игорь",
            "Роман",
            "Юрий",
            "Виктор",
            "Антон",
            "Константин",
            "Василий",
            "Кирилл",
            "Никита",
            "Илья",
            "Анатолий",
            "Вадим",
            "Егор",
            "Григорий",
            "Степан",
            "Фёдор",
            "Пётр",
            "Тимофей",
            "Даниил",
            "Матвей",
            "Лев");

    private static final List<String> WOMEN = List.of(
            "Елена",
            "Ольга",
            "Наталья",
            "Татьяна",
            "Ирина",
            "Светлана",
            "Анна",
            "Мария",
            "Екатерина",
            "Юлия",
            "Марина",
            "Людмила",
            "Галина",
            "Валентина",
            "Надежда",
            "Анастасия",
            "Оксана",
            "Лариса",
            "Дарья",
            "Виктория",
            "Ксения",
            "Алина",
            "Любовь",
            "Вера",
            "Нина",
            "Евгения",
            "Полина",
            "Софья",
            "Алёна",
            "Кристина",
            "Жанна",
            "Зоя",
            "Тамара",
            "Раиса");

    /** The father's name gives the patronymic: {masculine, feminine}; irregular ones are why it is a table. */
    private static final Map<String, String[]> PATRONYMICS = Map.ofEntries(
            Map.entry("Александр", new String[] {"Александрович", "Александровна"}),
            Map.entry("Сергей", new String[] {"Сергеевич", "Сергеевна"}),
            Map.entry("Дмитрий", new String[] {"Дмитриевич", "Дмитриевна"}),
            Map.entry("Андрей", new String[] {"Андреевич", "Андреевна"}),
            Map.entry("Алексей", new String[] {"Алексеевич", "Алексеевна"}),
            Map.entry("Евгений", new String[] {"Евгеньевич", "Евгеньевна"}),
            Map.entry("Иван", new String[] {"Иванович", "Ивановна"}),
            Map.entry("Михаил", new String[] {"Михайлович", "Михайловна"}),
            Map.entry("Николай", new String[] {"Николаевич", "Николаевна"}),
            Map.entry("Владимир", new String[] {"Владимирович", "Владимировна"}),
            Map.entry("Павел", new String[] {"Павлович", "Павловна"}),
            Map.entry("Олег", new String[] {"Олегович", "Олеговна"}),
            Map.entry("Игорь", new String[] {"Игоревич", "Игоревна"}),
            Map.entry("Юрий", new String[] {"Юрьевич", "Юрьевна"}),
            Map.entry("Виктор", new String[] {"Викторович", "Викторовна"}),
            Map.entry("Константин", new String[] {"Константинович", "Константиновна"}),
            Map.entry("Василий", new String[] {"Васильевич", "Васильевна"}),
            Map.entry("Анатолий", new String[] {"Анатольевич", "Анатольевна"}),
            Map.entry("Григорий", new String[] {"Григорьевич", "Григорьевна"}),
            Map.entry("Георгий", new String[] {"Георгиевич", "Георгиевна"}),
            Map.entry("Пётр", new String[] {"Петрович", "Петровна"}),
            Map.entry("Фёдор", new String[] {"Фёдорович", "Фёдоровна"}),
            Map.entry("Илья", new String[] {"Ильич", "Ильинична"}),
            Map.entry("Никита", new String[] {"Никитич", "Никитична"}),
            Map.entry("Лев", new String[] {"Львович", "Львовна"}),
            Map.entry("Валерий", new String[] {"Валерьевич", "Валерьевна"}),
            Map.entry("Геннадий", new String[] {"Геннадьевич", "Геннадьевна"}),
            Map.entry("Борис", new String[] {"Борисович", "Борисовна"}),
            Map.entry("Вячеслав", new String[] {"Вячеславович", "Вячеславовна"}),
            Map.entry("Степан", new String[] {"Степанович", "Степановна"}),
            Map.entry("Роман", new String[] {"Романович", "Романовна"}),
            Map.entry("Кирилл", new String[] {"Кириллович", "Кирилловна"}));

    private static final List<String> FATHERS =
            PATRONYMICS.keySet().stream().sorted().toList();

    /** Positions by employer: {masculine, feminine} where the Russian title has two forms. */
    private static final Map<EmployerType, List<String[]>> POSITIONS = Map.of(
            EmployerType.HOSPITAL,
            List.of(
                    new String[] {"врач-терапевт"},
                    new String[] {"врач-хирург"},
                    new String[] {"врач-педиатр"},
                    new String[] {"медицинский брат", "медицинская сестра"},
                    new String[] {"медицинский брат", "медицинская сестра"},
                    new String[] {"медицинский брат", "медицинская сестра"},
                    new String[] {"старший медицинский брат", "старшая медицинская сестра"},
                    new String[] {"фельдшер"},
                    new String[] {"санитар", "санитарка"},
                    new String[] {"лаборант"},
                    new String[] {"медицинский регистратор"}),
            EmployerType.SCHOOL,
            List.of(
                    new String[] {"учитель начальных классов"},
                    new String[] {"учитель математики"},
                    new String[] {"учитель русского языка и литературы"},
                    new String[] {"учитель физической культуры"},
                    new String[] {"учитель истории"},
                    new String[] {"педагог-психолог"},
                    new String[] {"социальный педагог"},
                    new String[] {"библиотекарь"},
                    new String[] {"заместитель директора по учебной работе"}),
            EmployerType.KINDERGARTEN,
            List.of(
                    new String[] {"воспитатель"},
                    new String[] {"воспитатель"},
                    new String[] {"младший воспитатель"},
                    new String[] {"музыкальный руководитель"},
                    new String[] {"инструктор по физической культуре"},
                    new String[] {"повар"},
                    new String[] {"заведующий хозяйством", "заведующая хозяйством"}),
            EmployerType.UNIVERSITY,
            List.of(
                    new String[] {"доцент"},
                    new String[] {"старший преподаватель"},
                    new String[] {"профессор"},
                    new String[] {"ассистент"},
                    new String[] {"инженер"},
                    new String[] {"специалист по учебно-методической работе"}),
            EmployerType.MINE,
            List.of(
                    new String[] {"горнорабочий"},
                    new String[] {"горнорабочий очистного забоя"},
                    new String[] {"проходчик"},
                    new String[] {"машинист горных выемочных машин"},
                    new String[] {"электрослесарь подземный"},
                    new String[] {"горный мастер"},
                    new String[] {"машинист подъёмной установки"},
                    new String[] {"лаборант химического анализа"}));

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
}
