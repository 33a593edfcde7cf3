package ru.profkom.demo;

import java.util.List;

/**
 * The kinds of employers primary organizations stand at, with what makes them realistic: how many
 * people work there, how often they split into shop units, and where in a region they appear.
 */
public enum EmployerType {
    // Health care
    REGIONAL_HOSPITAL(Sector.HEALTH, Anchor.CAPITAL, 0, 0, 1500, 3000, 0.5, 3, 5, Units.HOSPITAL),
    MEDICAL_UNIVERSITY(Sector.HEALTH, Anchor.CAPITAL, 0, 0, 1000, 4000, 0.5, 2, 4, Units.MEDICAL_FACULTIES),
    DISTRICT_HOSPITAL(Sector.HEALTH, Anchor.DISTRICT, 0, 0, 150, 900, 0.1, 2, 3, Units.HOSPITAL),
    CITY_HOSPITAL(Sector.HEALTH, Anchor.NONE, 12, 0, 300, 3000, 0.1, 2, 3, Units.HOSPITAL),
    RURAL_HOSPITAL(Sector.HEALTH, Anchor.NONE, 0, 8, 30, 150, 0, 0, 0, Units.NONE),
    POLYCLINIC(Sector.HEALTH, Anchor.NONE, 16, 0, 80, 600, 0.02, 2, 2, Units.POLYCLINIC),
    CHILDREN_POLYCLINIC(Sector.HEALTH, Anchor.NONE, 7, 0, 50, 300, 0, 0, 0, Units.NONE),
    DENTAL_CLINIC(Sector.HEALTH, Anchor.NONE, 5, 2, 30, 200, 0, 0, 0, Units.NONE),
    AMBULANCE_STATION(Sector.HEALTH, Anchor.NONE, 3, 3, 100, 900, 0.15, 2, 4, Units.SUBSTATIONS),
    MATERNITY_HOSPITAL(Sector.HEALTH, Anchor.NONE, 3, 0, 150, 600, 0, 0, 0, Units.NONE),
    DISPENSARY(Sector.HEALTH, Anchor.NONE, 5, 1, 80, 700, 0.02, 2, 2, Units.HOSPITAL),
    MEDICAL_COLLEGE(Sector.HEALTH, Anchor.NONE, 2, 0, 60, 250, 0.1, 2, 3, Units.COLLEGE),
    SANATORIUM(Sector.HEALTH, Anchor.NONE, 1, 3, 60, 400, 0, 0, 0, Units.NONE),
    // Education
    UNIVERSITY(Sector.EDUCATION, Anchor.CAPITAL, 0, 0, 800, 3500, 0.8, 3, 8, Units.FACULTIES),
    SCHOOL(Sector.EDUCATION, Anchor.NONE, 40, 55, 40, 150, 0, 0, 0, Units.NONE),
    KINDERGARTEN(Sector.EDUCATION, Anchor.NONE, 30, 20, 15, 60, 0, 0, 0, Units.NONE),
    COLLEGE(Sector.EDUCATION, Anchor.NONE, 4, 1, 60, 250, 0.1, 2, 3, Units.COLLEGE),
    ADDITIONAL_EDUCATION(Sector.EDUCATION, Anchor.NONE, 6, 4, 20, 90, 0, 0, 0, Units.NONE),
    // Coal
    MINE(Sector.COAL, Anchor.NONE, 30, 30, 500, 4000, 0.5, 2, 4, Units.MINE),
    OPEN_PIT(Sector.COAL, Anchor.NONE, 20, 25, 300, 2500, 0.3, 2, 3, Units.OPEN_PIT),
    PROCESSING_PLANT(Sector.COAL, Anchor.NONE, 10, 8, 150, 800, 0.3, 2, 3, Units.PLANT),
    REPAIR_PLANT(Sector.COAL, Anchor.NONE, 6, 3, 100, 600, 0.2, 2, 3, Units.PLANT),
    MOTOR_TRANSPORT(Sector.COAL, Anchor.NONE, 5, 3, 100, 500, 0, 0, 0, Units.NONE);

    /** Where a type must appear: the capital and district centres start with their main institutions. */
    enum Anchor {
        CAPITAL,
        DISTRICT,
        NONE
    }

    private final Sector sector;
    private final Anchor anchor;
    private final int townWeight;
    private final int districtWeight;
    private final int minHeadcount;
    private final int maxHeadcount;
    private final double shopChance;
    private final int minShops;
    private final int maxShops;
    private final List<String> units;

    EmployerType(
            Sector sector,
            Anchor anchor,
            int townWeight,
            int districtWeight,
            int minHeadcount,
            int maxHeadcount,
            double shopChance,
            int minShops,
            int maxShops,
            List<String> units) {
        this.sector = sector;
        this.anchor = anchor;
        this.townWeight = townWeight;
        this.districtWeight = districtWeight;
        this.minHeadcount = minHeadcount;
        this.maxHeadcount = maxHeadcount;
        this.shopChance = shopChance;
        this.minShops = minShops;
        this.maxShops = maxShops;
        this.units = units;
    }

    public Sector sector() {
        return sector;
    }

    Anchor anchor() {
        return anchor;
    }

    /** How often it is drawn in a town, relative to the sector's other types. */
    int townWeight() {
        return townWeight;
    }

    /** How often it is drawn in a rural district. */
    int districtWeight() {
        return districtWeight;
    }

    public int minHeadcount() {
        return minHeadcount;
    }

    public int maxHeadcount() {
        return maxHeadcount;
    }

    double shopChance() {
        return shopChance;
    }

    int minShops() {
        return minShops;
    }

    int maxShops() {
        return maxShops;
    }

    /** Shop units in the genitive, as they follow «Цеховая профсоюзная организация …»; {@code %d} is numbered. */
    List<String> units() {
        return units;
    }

    /** Whether a students' and staff's union bureau («профбюро») rather than a shop organization stands in a unit. */
    boolean facultyUnits() {
        return units == Units.FACULTIES || units == Units.MEDICAL_FACULTIES;
    }

    private static final class Units {
        static final List<String> NONE = List.of();
        static final List<String> HOSPITAL = List.of(
                "хирургического отделения",
                "терапевтического отделения",
                "кардиологического отделения",
                "неврологического отделения",
                "отделения анестезиологии и реанимации",
                "приёмного отделения",
                "педиатрического отделения",
                "травматологического отделения",
                "клинико-диагностической лаборатории",
                "поликлинического отделения",
                "хозяйственной службы");
        static final List<String> POLYCLINIC =
                List.of("терапевтического отделения № %d", "отделения профилактики", "женской консультации");
        static final List<String> SUBSTATIONS = List.of("подстанции скорой медицинской помощи № %d");
        static final List<String> COLLEGE = List.of("преподавателей", "студентов", "учебного отделения № %d");
        static final List<String> MEDICAL_FACULTIES = List.of(
                "лечебного факультета",
                "педиатрического факультета",
                "стоматологического факультета",
                "фармацевтического факультета",
                "медико-профилактического факультета",
                "клиники университета",
                "административно-хозяйственной части");
        static final List<String> FACULTIES = List.of(
                "исторического факультета",
                "филологического факультета",
                "физико-математического факультета",
                "факультета иностранных языков",
                "биологического факультета",
                "химического факультета",
                "экономического факультета",
                "юридического факультета",
                "факультета физической культуры",
                "психолого-педагогического факультета",
                "административно-хозяйственной части");
        static final List<String> MINE = List.of(
                "участка очистных работ № %d",
                "проходческого участка № %d",
                "участка внутришахтного транспорта",
                "вентиляционного участка",
                "электромеханического участка",
                "участка аэрологической безопасности");
        static final List<String> OPEN_PIT = List.of(
                "участка горных работ № %d", "автоколонны № %d", "экскаваторного участка", "буровзрывного участка");
        static final List<String> PLANT = List.of(
                "цеха обогащения",
                "погрузочного цеха",
                "ремонтно-механического цеха",
                "механического цеха",
                "сборочного цеха",
                "литейного цеха");
    }
}
