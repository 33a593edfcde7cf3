package ru.profkom.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The branch of the economy a generated union organizes: it names the union and decides which
 * employers its primary organizations stand at.
 */
public enum Sector {
    HEALTH(
            "Профессиональный союз работников здравоохранения Российской Федерации",
            "Профсоюз работников здравоохранения РФ",
            "Профсоюза работников здравоохранения РФ",
            "ZDRAV",
            0.8),
    EDUCATION(
            "Общероссийский Профсоюз образования",
            "Общероссийский Профсоюз образования",
            "Общероссийского Профсоюза образования",
            "EDU",
            0.8),
    COAL(
            "Российский независимый профсоюз работников угольной промышленности",
            "Росуглепроф",
            "Росуглепрофа",
            "COAL",
            0.25);

    private final String unionFullName;
    private final String unionShortName;
    private final String unionGenitive;
    private final String unionCode;
    private final double femaleShare;

    Sector(String unionFullName, String unionShortName, String unionGenitive, String unionCode, double femaleShare) {
        this.unionFullName = unionFullName;
        this.unionShortName = unionShortName;
        this.unionGenitive = unionGenitive;
        this.unionCode = unionCode;
        this.femaleShare = femaleShare;
    }

    public String unionFullName() {
        return unionFullName;
    }

    public String unionShortName() {
        return unionShortName;
    }

    /** How an organization's full name ends: «… областная организация Профсоюза работников здравоохранения РФ». */
    public String unionGenitive() {
        return unionGenitive;
    }

    public String unionCode() {
        return unionCode;
    }

    /** The share of women among the sector's workers and so among chairs and activists. */
    public double femaleShare() {
        return femaleShare;
    }

    public List<EmployerType> employerTypes() {
        return Arrays.stream(EmployerType.values())
                .filter(type -> type.sector() == this)
                .toList();
    }
}
