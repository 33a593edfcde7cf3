package ru.profkom.statisticalreports;

/**
 * The lines of the yearly statistical report, in the order of the form. A line either comes from the registry
 * (the membership statistics, the tree, the union roles) and may be corrected by hand, or the registry does not
 * know it and it is entered by hand. Each value is a whole number from 0 to the line's bound.
 */
public enum ReportLine {
    REGIONAL_ORGANIZATIONS(Section.ORGANIZATIONS, true, ReportLine.MAX_ORGANIZATIONS),
    TERRITORIAL_ORGANIZATIONS(Section.ORGANIZATIONS, true, ReportLine.MAX_ORGANIZATIONS),
    PRIMARY_ORGANIZATIONS(Section.ORGANIZATIONS, true, ReportLine.MAX_ORGANIZATIONS),
    SHOP_ORGANIZATIONS(Section.ORGANIZATIONS, true, ReportLine.MAX_ORGANIZATIONS),
    MEMBERS(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    WORKERS(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    STUDENTS(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    PENSIONERS(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    UNEMPLOYED(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    WOMEN(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    YOUTH(Section.MEMBERS, true, ReportLine.MAX_PEOPLE),
    JOINED(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    TRANSFERS_IN(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    EXITED_OWN_WISH(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    EXITED_DISMISSAL(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    EXITED_RETIREMENT(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    EXITED_DEATH(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    EXITED_EXPULSION(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    TRANSFERS_OUT(Section.MOVEMENT, true, ReportLine.MAX_PEOPLE),
    HEADCOUNT(Section.EMPLOYERS, true, ReportLine.MAX_PEOPLE),
    CHAIRS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    DEPUTY_CHAIRS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    ELECTED_BODY_MEMBERS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    YOUTH_COUNCIL_MEMBERS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    COMMISSION_MEMBERS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    ACTIVISTS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    INFO_WORKERS(Section.ACTIVISTS, true, ReportLine.MAX_PEOPLE),
    TRAINED_ACTIVISTS(Section.ACTIVISTS, false, ReportLine.MAX_PEOPLE),
    COLLECTIVE_AGREEMENTS(Section.AGREEMENTS, false, ReportLine.MAX_ORGANIZATIONS),
    COVERED_BY_AGREEMENTS(Section.AGREEMENTS, false, ReportLine.MAX_PEOPLE);

    /** More organizations (or agreements) than the whole union has is a typing error. */
    public static final long MAX_ORGANIZATIONS = 1_000_000;
    /** More people than Russia's workforce is a typing error. */
    public static final long MAX_PEOPLE = 100_000_000;

    /** The parts of the form, each with a title. */
    public enum Section {
        ORGANIZATIONS,
        MEMBERS,
        MOVEMENT,
        EMPLOYERS,
        ACTIVISTS,
        AGREEMENTS;

        public String messageKey() {
            return "statreport.section." + name();
        }
    }

    private final Section section;
    private final boolean fromRegistry;
    private final long max;

    ReportLine(Section section, boolean fromRegistry, long max) {
        this.section = section;
        this.fromRegistry = fromRegistry;
        this.max = max;
    }

    public Section section() {
        return section;
    }

    /** Whether the registry gives the line (it may still be corrected by hand); else it is entered by hand. */
    public boolean fromRegistry() {
        return fromRegistry;
    }

    public long max() {
        return max;
    }

    public String messageKey() {
        return "statreport.line." + name();
    }
}
