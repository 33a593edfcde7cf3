package ru.profkom.demo;

import java.util.List;

/**
 * How big a generated union is. The federation scale has the shape of the education union (80
 * regional, 2,359 local organizations) grown to 150,000 organizations, with one big city of 5,000
 * for the move benchmark.
 */
public enum UnionScale {
    DEMO(List.of(50, 54, 42, 66, 16, 23), 30, 307, 0, 0, Sector.HEALTH, 400),
    FEDERATION(List.of(), 2_359, 150_000, 66, 5_000, Sector.EDUCATION, 0);

    private final List<Integer> regionCodes;
    private final int territorials;
    private final int organizations;
    private final int bigCityRegion;
    private final int bigCityDescendants;
    private final Sector defaultSector;
    private final int maxHeadcount;

    UnionScale(
            List<Integer> regionCodes,
            int territorials,
            int organizations,
            int bigCityRegion,
            int bigCityDescendants,
            Sector defaultSector,
            int maxHeadcount) {
        this.regionCodes = regionCodes;
        this.territorials = territorials;
        this.organizations = organizations;
        this.bigCityRegion = bigCityRegion;
        this.bigCityDescendants = bigCityDescendants;
        this.defaultSector = defaultSector;
        this.maxHeadcount = maxHeadcount;
    }

    List<Region> regions() {
        return regionCodes.isEmpty()
                ? Region.all()
                : regionCodes.stream().map(Region::byCode).toList();
    }

    /** Territorial (local) organizations in all. */
    public int territorials() {
        return territorials;
    }

    /** Organizations in all, the root included. */
    public int organizations() {
        return organizations;
    }

    /** The region whose capital's territorial organization is sized exactly; 0 when none is. */
    int bigCityRegion() {
        return bigCityRegion;
    }

    /** Primary and shop organizations under the big city's territorial organization. */
    public int bigCityDescendants() {
        return bigCityDescendants;
    }

    public Sector defaultSector() {
        return defaultSector;
    }

    /**
     * The most employees a primary organization's employer has, 0 for the type's own maximum. The demo keeps its
     * employers small, so that members in proportion to their headcount stay a few tens of thousands.
     */
    int maxHeadcount() {
        return maxHeadcount;
    }

    /** Whether shop units carry a headcount of their own: it is part of the primary's, which the statistics sum. */
    boolean shopHeadcounts() {
        return maxHeadcount == 0;
    }
}
