package ru.profkom.demo;

import static ru.profkom.demo.RussianWords.masculine;
import static ru.profkom.demo.RussianWords.neuter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import ru.profkom.demo.UnionPlan.RegionalPlan;
import ru.profkom.demo.UnionPlan.TerritorialPlan;
import ru.profkom.members.generators.MemberGenerator;
import ru.profkom.organizations.BodyKind;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Inn;

/**
 * Generates a realistic union deterministically: the same scale, sector and seed give the same
 * organizations, names and ids on every machine. Nothing reads the clock or a UUID; every
 * territorial subtree draws from a {@link Random} seeded by the union's seed and its own code, so
 * subtrees come out the same however the stream is consumed.
 *
 * <p>The stream emits parents before children (union, regional, territorial, then each primary
 * organization followed by its shop units) and holds at most one territorial subtree at a time.
 *
 * <p>Long on purpose: the order in which it draws from its random streams is its contract (the same seed, the
 * same union), so the drawing stays in one place where a change of order is seen; its word lists are resources.
 */
public final class UnionGenerator {

    public static final long DEFAULT_SEED = 20261122L;

    private UnionGenerator() {}

    public static Stream<GeneratedOrganization> organizations(UnionScale scale, Sector sector) {
        return organizations(scale, sector, DEFAULT_SEED);
    }

    public static Stream<GeneratedOrganization> organizations(UnionScale scale, Sector sector, long seed) {
        UnionPlan plan = UnionPlan.of(scale, seed);
        return Stream.concat(
                Stream.of(union(plan, sector, seed)),
                plan.regionals().stream()
                        .flatMap(regional -> Stream.concat(
                                Stream.of(regional(plan, regional, sector, seed)),
                                regional.territorials().stream()
                                        .flatMap(territorial -> new TerritoryGenerator(
                                                        regional, territorial, sector, seed, scale)
                                                .subtree().stream()))));
    }

    static Random randomFor(long seed, String code) {
        return new Random(seedFor(seed, code));
    }

    static long seedFor(long seed, String code) {
        return seed ^ (code.hashCode() * 0x9E3779B97F4A7C15L);
    }

    private static GeneratedOrganization union(UnionPlan plan, Sector sector, long seed) {
        String code = sector.unionCode();
        Random random = randomFor(seed, code);
        String chair = MemberGenerator.fullName(random, sector.femaleShare());
        return new GeneratedOrganization(
                plan.rootId(),
                null,
                OrganizationKind.UNION,
                code,
                sector.unionFullName(),
                sector.unionShortName(),
                Inn.withCheckDigits("770000000"),
                "119119, г. Москва, Ленинский пр-т, д. 42",
                "+7495938" + digits(random, 4),
                code.toLowerCase() + "@demo.profkom.local",
                "https://" + code.toLowerCase() + ".demo.profkom.local",
                null,
                null,
                null,
                null,
                chair,
                MemberGenerator.fullName(random, sector.femaleShare()),
                List.of(
                        new GeneratedBody(BodyKind.ELECTED_BODY, "Центральный комитет", chair),
                        new GeneratedBody(BodyKind.ELECTED_BODY, "Президиум", chair),
                        new GeneratedBody(
                                BodyKind.COMMISSION,
                                "Контрольно-ревизионная комиссия",
                                MemberGenerator.fullName(random, sector.femaleShare())),
                        new GeneratedBody(
                                BodyKind.COMMISSION,
                                "Комиссия по информационной работе",
                                MemberGenerator.fullName(random, sector.femaleShare())),
                        new GeneratedBody(
                                BodyKind.YOUTH_COUNCIL,
                                "Молодёжный совет",
                                MemberGenerator.fullName(random, sector.femaleShare()))),
                seedFor(seed, code));
    }

    private static GeneratedOrganization regional(UnionPlan plan, RegionalPlan regional, Sector sector, long seed) {
        Region region = regional.region();
        String code = "R" + region.code2();
        Random random = randomFor(seed, code);
        String chair = MemberGenerator.fullName(random, sector.femaleShare());
        String organizationWord = region.level().organizationWord;
        List<GeneratedBody> bodies = new ArrayList<>();
        bodies.add(new GeneratedBody(BodyKind.ELECTED_BODY, "Комитет", chair));
        bodies.add(new GeneratedBody(BodyKind.ELECTED_BODY, "Президиум", chair));
        bodies.add(new GeneratedBody(
                BodyKind.COMMISSION, "Контрольно-ревизионная комиссия", MemberGenerator.fullName(random, 0.7)));
        bodies.add(new GeneratedBody(
                BodyKind.YOUTH_COUNCIL, "Молодёжный совет", MemberGenerator.fullName(random, sector.femaleShare())));
        return new GeneratedOrganization(
                regional.id(),
                plan.rootId(),
                OrganizationKind.REGIONAL,
                code,
                region.adjective() + " " + organizationWord + " организация " + sector.unionGenitive(),
                region.adjective() + " " + region.level().shortWord + " организация",
                Inn.withCheckDigits(region.code2() + "0000001"),
                address(random, region, region.capital(), null),
                phone(random, region.phoneCode()),
                code.toLowerCase() + "@demo.profkom.local",
                "https://" + code.toLowerCase() + ".demo.profkom.local",
                null,
                null,
                null,
                null,
                chair,
                MemberGenerator.fullName(random, sector.femaleShare()),
                bodies,
                seedFor(seed, code));
    }

    static String address(Random random, Region region, String town, String village) {
        String postcode = region.postalPrefix() + digits(random, 3);
        String street = STREETS.get(random.nextInt(STREETS.size())) + ", д. " + (1 + random.nextInt(120));
        if (village != null) {
            return postcode + ", " + region.addressName() + ", " + village + ", " + street;
        }
        if (region.federalCity() && town.equals(region.capital())) {
            return postcode + ", " + region.addressName() + ", " + street;
        }
        return postcode + ", " + region.addressName() + ", г. " + town + ", " + street;
    }

    static String phone(Random random, String areaCode) {
        return "+7" + areaCode + digits(random, 10 - areaCode.length());
    }

    static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** Generates one territorial organization and everything under it. */
    private static final class TerritoryGenerator {

        private final Region region;
        private final long regionalId;
        private final TerritorialPlan plan;
        private final Sector sector;
        private final long seed;
        private final Random random;
        private final String code;
        private final Map<String, Integer> numbers = new HashMap<>();
        private final Map<EmployerType, Integer> seen = new EnumMap<>(EmployerType.class);
        private final Set<String> usedNames = new HashSet<>();
        private final List<String> villages;
        private final UnionScale scale;

        TerritoryGenerator(RegionalPlan regional, TerritorialPlan plan, Sector sector, long seed, UnionScale scale) {
            this.scale = scale;
            this.region = regional.region();
            this.regionalId = regional.id();
            this.plan = plan;
            this.sector = sector;
            this.seed = seed;
            this.code = plan.code(region);
            this.random = randomFor(seed, code);
            List<String> shuffled = new ArrayList<>(VILLAGES);
            Collections.shuffle(shuffled, random);
            this.villages = shuffled;
        }

        List<GeneratedOrganization> subtree() {
            List<GeneratedOrganization> organizations = new ArrayList<>(plan.descendants() + 1);
            organizations.add(territorial());
            Deque<EmployerType> anchored = new ArrayDeque<>();
            for (EmployerType type : sector.employerTypes()) {
                if (type.anchor() == EmployerType.Anchor.CAPITAL && plan.capital()
                        || type.anchor() == EmployerType.Anchor.DISTRICT && plan.town() == null) {
                    anchored.add(type);
                }
            }
            long nextId = plan.id() + 1;
            int remaining = plan.descendants();
            int primaryIndex = 0;
            while (remaining > 0) {
                EmployerType type = anchored.isEmpty() ? drawType() : anchored.poll();
                primaryIndex++;
                remaining--;
                int shops = 0;
                if (type.shopChance() > 0 && random.nextDouble() < type.shopChance()) {
                    shops = Math.min(
                            remaining, type.minShops() + random.nextInt(type.maxShops() - type.minShops() + 1));
                }
                remaining -= shops;
                GeneratedOrganization primary = primary(nextId++, type, primaryIndex);
                organizations.add(primary);
                organizations.addAll(shops(primary, type, shops, nextId));
                nextId += shops;
            }
            return organizations;
        }

        private GeneratedOrganization territorial() {
            String chair = MemberGenerator.fullName(random, sector.femaleShare());
            List<GeneratedBody> bodies = new ArrayList<>();
            bodies.add(new GeneratedBody(BodyKind.ELECTED_BODY, "Комитет", chair));
            if (random.nextDouble() < 0.6) {
                bodies.add(new GeneratedBody(
                        BodyKind.COMMISSION, "Контрольно-ревизионная комиссия", MemberGenerator.fullName(random, 0.7)));
            }
            if (random.nextDouble() < 0.3) {
                bodies.add(new GeneratedBody(
                        BodyKind.YOUTH_COUNCIL,
                        "Молодёжный совет",
                        MemberGenerator.fullName(random, sector.femaleShare())));
            }
            String name = plan.adjective() + " " + plan.organizationWord() + " организация";
            return new GeneratedOrganization(
                    plan.id(),
                    regionalId,
                    OrganizationKind.TERRITORIAL,
                    code,
                    name + " " + sector.unionGenitive(),
                    name,
                    Inn.withCheckDigits(region.code2() + String.format("%02d", plan.index()) + "99999"),
                    address(random, region, plan.town() == null ? region.capital() : plan.town(), villageAddress()),
                    phone(random, region.phoneCode()),
                    code.toLowerCase() + "@demo.profkom.local",
                    null,
                    null,
                    null,
                    null,
                    null,
                    chair,
                    MemberGenerator.fullName(random, sector.femaleShare()),
                    bodies,
                    seedFor(seed, code));
        }

        private String villageAddress() {
            return plan.town() == null ? masculine(plan.adjective()) + " район, с. " + neuter(plan.adjective()) : null;
        }

        private EmployerType drawType() {
            boolean town = plan.town() != null;
            int total = 0;
            for (EmployerType type : sector.employerTypes()) {
                total += town ? type.townWeight() : type.districtWeight();
            }
            int ticket = random.nextInt(total);
            for (EmployerType type : sector.employerTypes()) {
                ticket -= town ? type.townWeight() : type.districtWeight();
                if (ticket < 0) {
                    return type;
                }
            }
            throw new IllegalStateException("Weights of " + sector + " add up to " + total);
        }

        private GeneratedOrganization primary(long id, EmployerType type, int index) {
            String primaryCode = code + "-P" + String.format("%03d", index);
            EmployerName name = employerName(type);
            int headcount = headcount(type);
            String chair = MemberGenerator.fullName(random, sector.femaleShare());
            String infoWorker =
                    random.nextDouble() < 0.75 ? MemberGenerator.fullName(random, sector.femaleShare()) : null;
            List<GeneratedBody> bodies = new ArrayList<>();
            bodies.add(new GeneratedBody(BodyKind.ELECTED_BODY, "Профсоюзный комитет", chair));
            if (random.nextDouble() < 0.3) {
                bodies.add(new GeneratedBody(
                        BodyKind.COMMISSION, "Ревизионная комиссия", MemberGenerator.fullName(random, 0.7)));
            }
            if (headcount >= 300 && random.nextDouble() < 0.15) {
                bodies.add(new GeneratedBody(
                        BodyKind.YOUTH_COUNCIL,
                        "Молодёжный совет",
                        MemberGenerator.fullName(random, sector.femaleShare())));
            }
            if (random.nextDouble() < 0.1) {
                bodies.add(new GeneratedBody(
                        BodyKind.COMMISSION, "Комиссия по охране труда", MemberGenerator.fullName(random, 0.5)));
            }
            String prefix = region.code2() + String.format("%02d", plan.index());
            String village = plan.town() == null ? masculine(plan.adjective()) + " район, " + villageOf(name) : null;
            return new GeneratedOrganization(
                    id,
                    plan.id(),
                    OrganizationKind.PRIMARY,
                    primaryCode,
                    name.ppoFull(),
                    name.ppoShort(),
                    random.nextDouble() < 0.4
                            ? Inn.withCheckDigits(prefix + String.format("%05d", 50_000 + index))
                            : null,
                    address(random, region, plan.town() == null ? region.capital() : plan.town(), village),
                    phone(random, region.phoneCode()),
                    primaryCode.toLowerCase() + "@demo.profkom.local",
                    null,
                    type,
                    name.employer(),
                    Inn.withCheckDigits(prefix + String.format("%05d", index)),
                    headcount,
                    chair,
                    infoWorker,
                    bodies,
                    seedFor(seed, primaryCode));
        }

        private String villageOf(EmployerName name) {
            int at = name.employer().indexOf("с. ");
            if (at >= 0) {
                int end = name.employer().indexOf('»', at);
                return name.employer().substring(at, end < 0 ? name.employer().length() : end);
            }
            return "с. " + neuter(plan.adjective());
        }

        private List<GeneratedOrganization> shops(
                GeneratedOrganization primary, EmployerType type, int count, long firstId) {
            List<GeneratedOrganization> shops = new ArrayList<>(count);
            List<String> units = new ArrayList<>(type.units());
            Collections.shuffle(units, random);
            Map<String, Integer> unitNumbers = new HashMap<>();
            for (int s = 0; s < count; s++) {
                String template = units.get(s % units.size());
                String unit;
                if (template.contains("%d")) {
                    int number = unitNumbers.merge(template, 1, Integer::sum);
                    unit = String.format(template, number);
                } else if (s >= units.size()) {
                    unit = template + " № " + (s / units.size() + 1);
                } else {
                    unit = template;
                }
                String shopCode = primary.code() + "-S" + (s + 1);
                boolean bureau = type.facultyUnits();
                String shortName = (bureau ? "Профбюро " : "ЦПО ") + unit;
                String fullName = (bureau ? "Профсоюзное бюро " : "Цеховая профсоюзная организация ") + unit + " "
                        + primary.employerName();
                int headcount = Math.max(10, primary.headcount() / (count + 1) + random.nextInt(40) - 20);
                shops.add(new GeneratedOrganization(
                        firstId + s,
                        primary.id(),
                        OrganizationKind.SHOP,
                        shopCode,
                        fullName,
                        shortName,
                        null,
                        primary.address(),
                        primary.phone(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        scale.shopHeadcounts() ? headcount : null,
                        MemberGenerator.fullName(random, sector.femaleShare()),
                        null,
                        List.of(),
                        seedFor(seed, shopCode)));
            }
            return shops;
        }

        /** The type's range, or in a scale of small employers its lower part up to the scale's maximum. */
        private int headcount(EmployerType type) {
            int max = type.maxHeadcount();
            int min = type.minHeadcount();
            if (scale.maxHeadcount() > 0 && max > scale.maxHeadcount()) {
                max = scale.maxHeadcount();
                min = Math.min(min, max * 3 / 4);
            }
            return headcount(min, max);
        }

        private int headcount(int min, int max) {
            // Log-uniform, leaning to the small end: most schools are small, a few are very big.
            double share = Math.pow(random.nextDouble(), 1.4);
            return (int) Math.round(Math.exp(Math.log(min) + share * (Math.log(max) - Math.log(min))));
        }

        private int next(String series) {
            int gap = random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 1;
            return numbers.merge(series, gap, Integer::sum);
        }

        private String village() {
            for (String village : villages) {
                if (usedNames.add("village " + village)) {
                    return village;
                }
            }
            return null;
        }

        private String pickUnused(String series, List<String> names) {
            List<String> shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, random);
            for (String name : shuffled) {
                if (usedNames.add(series + " " + name)) {
                    return name;
                }
            }
            return null;
        }

        private String numbered(EmployerType type, String singular) {
            int count = seen.merge(type, 1, Integer::sum);
            return count == 1 ? singular : singular + " № " + count;
        }

        private EmployerName employerName(EmployerType type) {
            String place = plan.adjective();
            String placeM = masculine(place);
            String capitalM = masculine(region.capitalAdjective());
            boolean town = plan.town() != null;
            String health = "ГБУЗ" + (region.abbreviation().isBlank() ? "" : " " + region.abbreviation());
            String college = "ГБПОУ" + (region.abbreviation().isBlank() ? "" : " " + region.abbreviation());
            return switch (type) {
                case REGIONAL_HOSPITAL -> institution(health, regionalHospital());
                case MEDICAL_UNIVERSITY -> {
                    String core = capitalM + " государственный медицинский университет";
                    yield new EmployerName(
                            "ФГБОУ ВО «" + core + "» Минздрава России",
                            "ППО «" + core + "»",
                            "Первичная профсоюзная организация работников и обучающихся ФГБОУ ВО «" + core
                                    + "» Минздрава России");
                }
                case DISTRICT_HOSPITAL -> institution(health, numbered(type, place + " центральная районная больница"));
                case CITY_HOSPITAL -> {
                    boolean first = !seen.containsKey(type);
                    seen.merge(type, 1, Integer::sum);
                    String core = first && !plan.capital() && region.level() == Region.Level.OBLAST
                            ? place + " областная больница"
                            : plan.capital() || region.federalCity()
                                    ? "Городская клиническая больница № " + next("hospital")
                                    : place + " городская больница № " + next("hospital");
                    yield institution(health, core);
                }
                case RURAL_HOSPITAL -> {
                    String village = village();
                    yield institution(
                            health,
                            village == null
                                    ? numbered(type, place + " участковая больница")
                                    : "Участковая больница с. " + village);
                }
                case POLYCLINIC -> institution(health, "Городская поликлиника № " + next("polyclinic"));
                case CHILDREN_POLYCLINIC ->
                    institution(health, "Детская городская поликлиника № " + next("children polyclinic"));
                case DENTAL_CLINIC ->
                    institution(
                            health,
                            town
                                    ? "Стоматологическая поликлиника № " + next("dental")
                                    : numbered(type, place + " районная стоматологическая поликлиника"));
                case AMBULANCE_STATION ->
                    institution(
                            health,
                            numbered(
                                    type,
                                    town
                                            ? place + " станция скорой медицинской помощи"
                                            : place + " районная станция скорой медицинской помощи"));
                case MATERNITY_HOSPITAL -> institution(health, "Родильный дом № " + next("maternity"));
                case DISPENSARY -> {
                    String kind = pickUnused("dispensary", DISPENSARIES);
                    yield institution(health, kind == null ? "Диспансер № " + next("dispensary") : placeM + " " + kind);
                }
                case MEDICAL_COLLEGE -> institution(college, numbered(type, placeM + " медицинский колледж"));
                case SANATORIUM -> {
                    String name = pickUnused("sanatorium", SANATORIUMS);
                    yield institution(
                            health, name == null ? "Санаторий № " + next("sanatorium") : "Санаторий „" + name + "“");
                }
                case UNIVERSITY -> {
                    String core = capitalM + " " + UNIVERSITY_KINDS.get(random.nextInt(UNIVERSITY_KINDS.size()));
                    yield new EmployerName(
                            "ФГБОУ ВО «" + core + "»",
                            "ППО «" + core + "»",
                            "Первичная профсоюзная организация работников и обучающихся ФГБОУ ВО «" + core + "»");
                }
                case SCHOOL -> school(town);
                case KINDERGARTEN -> {
                    String name = KINDERGARTEN_NAMES.get(random.nextInt(KINDERGARTEN_NAMES.size()));
                    String village = town ? null : village();
                    String core = village == null
                            ? "Детский сад № " + next("kindergarten") + " „" + name + "“"
                            : "Детский сад „" + name + "“ с. " + village;
                    yield institution(random.nextDouble() < 0.8 ? "МБДОУ" : "МАДОУ", core);
                }
                case COLLEGE -> {
                    String kind = pickUnused("college", COLLEGE_KINDS);
                    yield institution(
                            college, kind == null ? "Колледж № " + next("college") : placeM + " " + kind + " колледж");
                }
                case ADDITIONAL_EDUCATION -> {
                    String kind = ADDITIONAL_EDUCATION_KINDS.get(random.nextInt(ADDITIONAL_EDUCATION_KINDS.size()));
                    int count = numbers.merge("additional " + kind, 1, Integer::sum);
                    yield institution("МБУ ДО", count == 1 ? kind : kind + " № " + count);
                }
                case MINE -> {
                    String name = pickUnused("mine", MINES);
                    String core = name == null ? "№ " + next("mine") : "«" + name + "»";
                    yield new EmployerName(
                            "Шахта " + core, "ППО шахты " + core, "Первичная профсоюзная организация шахты " + core);
                }
                case OPEN_PIT -> {
                    String name = pickUnused("pit", OPEN_PITS);
                    String core = name == null ? "№ " + next("pit") : "«" + name + "»";
                    yield new EmployerName(
                            "Разрез " + core,
                            "ППО разреза " + core,
                            "Первичная профсоюзная организация разреза " + core);
                }
                case PROCESSING_PLANT -> {
                    String name = pickUnused("plant", PROCESSING_PLANTS);
                    String core = name == null ? "№ " + next("plant") : "«" + name + "»";
                    yield new EmployerName(
                            "Обогатительная фабрика " + core,
                            "ППО обогатительной фабрики " + core,
                            "Первичная профсоюзная организация обогатительной фабрики " + core);
                }
                case REPAIR_PLANT -> institution("АО", numbered(type, placeM + " ремонтно-механический завод"));
                case MOTOR_TRANSPORT ->
                    institution("ООО", numbered(type, neuter(place) + " автотранспортное предприятие"));
            };
        }

        private String regionalHospital() {
            return switch (region.level()) {
                case OBLAST, KRAI ->
                    region.adjective() + " " + region.level().organizationWord + " клиническая больница";
                case REPUBLIC -> "Республиканская клиническая больница";
                case AUTONOMOUS_OKRUG -> "Окружная клиническая больница";
                case CITY -> "Городская клиническая больница № " + next("hospital");
            };
        }

        private EmployerName school(boolean town) {
            String form = random.nextDouble() < 0.8 ? "МБОУ" : "МАОУ";
            if (!town) {
                String village = village();
                if (village != null) {
                    boolean basic = random.nextDouble() < 0.3;
                    return institution(
                            form, (basic ? "Основная" : "Средняя") + " общеобразовательная школа с. " + village);
                }
            }
            double kind = random.nextDouble();
            int number = next("school");
            String core = kind < 0.1
                    ? "Гимназия № " + number
                    : kind < 0.2
                            ? "Лицей № " + number
                            : kind < 0.3
                                    ? "Основная общеобразовательная школа № " + number
                                    : "Средняя общеобразовательная школа № " + number;
            return institution(form, core);
        }

        private static EmployerName institution(String legalForm, String core) {
            String employer = legalForm + " «" + core + "»";
            return new EmployerName(employer, "ППО «" + core + "»", "Первичная профсоюзная организация " + employer);
        }
    }

    /** How an employer and its primary organization are called. */
    private record EmployerName(String employer, String ppoShort, String ppoFull) {}

    static final List<String> STREETS = WordLists.read("streets");

    static final List<String> VILLAGES = WordLists.read("villages");

    static final List<String> DISPENSARIES = WordLists.read("dispensaries");

    static final List<String> SANATORIUMS = WordLists.read("sanatoriums");

    static final List<String> UNIVERSITY_KINDS = WordLists.read("university-kinds");

    static final List<String> COLLEGE_KINDS = WordLists.read("college-kinds");

    static final List<String> ADDITIONAL_EDUCATION_KINDS = WordLists.read("additional-education-kinds");

    static final List<String> KINDERGARTEN_NAMES = WordLists.read("kindergarten-names");

    static final List<String> MINES = WordLists.read("mines");

    static final List<String> OPEN_PITS = WordLists.read("open-pits");

    static final List<String> PROCESSING_PLANTS = WordLists.read("processing-plants");
}
