package ru.profkom.indicators;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.indicators.IndicatorEvents.RatingWeightsChanged;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.organizations.OrganizationNode;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.RussianText;
import ru.profkom.shared.Validation;

/**
 * The rating of the primary organizations of a subtree (all of a region's, a territorial organization's, the
 * union's), optionally narrowed to those inside one organization between, with their places kept. The weights come from the nearest
 * organization on the way up that set them (the one that rates its subtree), or the indicators'
 * defaults. The trend compares the places with the previous month's under the same weights, so that
 * it shows the organizations' work rather than a change of weights.
 */
@Service
@Transactional
public class Rating {

    private final Indicators indicators;
    private final IndicatorRepository repository;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rating(
            Indicators indicators,
            IndicatorRepository repository,
            Organizations organizations,
            CurrentActor currentActor,
            ApplicationEventPublisher events,
            Clock clock) {
        this.indicators = indicators;
        this.repository = repository;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.events = events;
        this.clock = clock;
    }

    /** The weights that rate the organization's children, with the organization that set them. */
    public record Weights(List<WeightLine> lines, Long setBy) {

        public Map<String, Integer> asMap() {
            Map<String, Integer> map = new LinkedHashMap<>();
            lines.forEach(line -> map.put(line.code(), line.weight()));
            return map;
        }
    }

    @Transactional(readOnly = true)
    public Weights weights(long organizationId) {
        return weights(indicators.staffOnly(organizationId));
    }

    private Weights weights(Organization organization) {
        List<Long> path = pathIds(organization.path());
        Map<Long, Map<String, Integer>> stored = repository.weights(path);
        for (Long id : path.reversed()) {
            Map<String, Integer> found = stored.get(id);
            if (found != null) {
                return new Weights(lines(code -> found.getOrDefault(code, 0)), id);
            }
        }
        Map<String, Integer> defaults = indicators.providers().stream()
                .collect(Collectors.toMap(IndicatorProvider::code, IndicatorProvider::defaultWeight));
        return new Weights(lines(defaults::get), null);
    }

    private List<WeightLine> lines(java.util.function.Function<String, Integer> weightOf) {
        return indicators.providers().stream()
                .map(provider -> new WeightLine(provider.code(), provider.nameKey(), weightOf.apply(provider.code())))
                .toList();
    }

    /** Sets the weights the organization rates its subtree with; only its administrators may. */
    public Weights setWeights(long organizationId, Map<String, Integer> weights) {
        Organization organization = indicators.staffOnly(organizationId);
        if (!organizations.canManage(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        Map<String, Integer> clean = validate(weights);
        repository.replaceWeights(organizationId, clean, clock.instant());
        Weights saved = new Weights(lines(code -> clean.getOrDefault(code, 0)), organizationId);
        events.publishEvent(
                new RatingWeightsChanged(organizationId, organization.path(), saved.lines(), currentActor.get()));
        return saved;
    }

    private Map<String, Integer> validate(Map<String, Integer> weights) {
        Validation validation = new Validation();
        if (weights == null || weights.isEmpty()) {
            throw ProfkomException.invalid("weights", "rating.weights.required");
        }
        Map<String, Integer> clean = new LinkedHashMap<>();
        int sum = 0;
        for (IndicatorProvider provider : indicators.providers()) {
            Integer weight = weights.get(provider.code());
            int value = weight == null ? 0 : weight;
            if (value < 0 || value > 100) {
                validation.reject("weight." + provider.code(), "rating.weights.range");
            } else {
                sum += value;
            }
            clean.put(provider.code(), value);
        }
        for (String code : weights.keySet()) {
            if (!clean.containsKey(code)) {
                validation.reject("weights", "rating.weights.unknown", code);
            }
        }
        if (!validation.hasProblems() && sum != 100) {
            validation.reject("weights", "rating.weights.sum", sum);
        }
        validation.throwIfInvalid();
        return clean;
    }

    /**
     * One page of the ranking of the primary organizations anywhere inside the organization for the
     * month, filtered by a part of the name.
     */
    @Transactional(readOnly = true)
    public Ranking ranking(long organizationId, YearMonth period, String query, PageRequest page) {
        return ranking(organizationId, period, query, null, page);
    }

    /**
     * One page of the ranking of the primary organizations anywhere inside the organization for the month,
     * filtered by a part of the name and to those inside {@code withinId} (an organization between, such as a
     * territorial organization of a region; null for all): the places stay those of the whole subtree.
     */
    @Transactional(readOnly = true)
    public Ranking ranking(long organizationId, YearMonth period, String query, Long withinId, PageRequest page) {
        Organization parent = indicators.staffOnly(organizationId);
        Periods.check(period, clock);
        Weights weights = weights(parent);
        List<Organization> ranked = primariesWithin(parent);
        List<RankingRow> rows = rows(parent, ranked, period, weights);
        List<Ranking.Level> levels = levels(parent, ranked);
        if (withinId != null && levels.stream().noneMatch(level -> level.id() == withinId)) {
            throw ProfkomException.invalid("within", "rating.within.unknown");
        }
        String needle = RussianText.foldedKey(query == null ? "" : query.strip());
        Map<Long, String> paths = new HashMap<>();
        ranked.forEach(organization -> paths.put(organization.id(), organization.path()));
        List<RankingRow> filtered = rows.stream()
                .filter(row ->
                        needle.isEmpty() || RussianText.foldedKey(row.name()).contains(needle))
                .filter(row ->
                        withinId == null || paths.get(row.organizationId()).contains("/" + withinId + "/"))
                .toList();
        List<RankingRow> items =
                filtered.stream().skip(page.offset()).limit(page.size()).toList();
        String setByName = weights.setBy() == null
                ? null
                : organizations.shortNames(List.of(weights.setBy())).get(weights.setBy());
        return new Ranking(
                organizationId,
                period,
                weights.lines(),
                weights.setBy(),
                setByName,
                new Page<>(items, page.page(), page.size(), filtered.size()),
                rows.size(),
                withinId,
                levels);
    }

    /**
     * The organizations between the ranked subtree's root and its primary organizations, in the tree's order
     * by name, for the filter: a region's territorial organizations, the union's regions and theirs.
     */
    private List<Ranking.Level> levels(Organization root, List<Organization> ranked) {
        Map<Long, List<Long>> chains = new LinkedHashMap<>();
        for (Organization organization : ranked) {
            List<Long> ids = pathIds(organization.path());
            List<Long> between = ids.subList(ids.indexOf(root.id()) + 1, ids.size() - 1);
            for (int i = 0; i < between.size(); i++) {
                chains.putIfAbsent(between.get(i), List.copyOf(between.subList(0, i + 1)));
            }
        }
        Map<Long, String> names = organizations.shortNames(chains.keySet());
        Collator russian = Collator.getInstance(Locale.forLanguageTag("ru"));
        Comparator<List<String>> byNames = (a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int order = russian.compare(a.get(i), b.get(i));
                if (order != 0) {
                    return order;
                }
            }
            return Integer.compare(a.size(), b.size());
        };
        return chains.entrySet().stream()
                .map(entry -> Map.entry(
                        entry.getKey(),
                        entry.getValue().stream()
                                .map(id -> names.getOrDefault(id, "#" + id))
                                .toList()))
                .sorted(Map.Entry.comparingByValue(byNames))
                .map(entry -> new Ranking.Level(
                        entry.getKey(),
                        entry.getValue().getLast(),
                        entry.getValue().size() - 1))
                .toList();
    }

    private List<RankingRow> rows(Organization parent, List<Organization> children, YearMonth period, Weights weights) {
        List<Scored> current = score(children, period, weights);
        Map<Long, Integer> previous = new HashMap<>();
        for (Scored scored : score(children, period.minusMonths(1), weights)) {
            if (scored.score().total().signum() > 0) {
                previous.put(scored.organization().id(), scored.place());
            }
        }
        Map<Long, String> parentNames = organizations.shortNames(children.stream()
                .map(Organization::parentId)
                .filter(id -> id != null && id != parent.id())
                .collect(Collectors.toSet()));
        return current.stream()
                .map(scored -> new RankingRow(
                        scored.place(),
                        previous.get(scored.organization().id()),
                        scored.organization().id(),
                        scored.organization().shortName(),
                        scored.score().total(),
                        scored.score().lines(),
                        parentNames.get(scored.organization().parentId())))
                .toList();
    }

    private record Scored(Organization organization, Scoring.Score score, int place) {}

    private List<Scored> score(List<Organization> children, YearMonth period, Weights weights) {
        Map<Long, List<IndicatorReading>> readings = indicators.readings(children, period);
        Map<String, String> names = new HashMap<>();
        weights.lines().forEach(line -> names.put(line.code(), line.nameKey()));
        Map<String, Integer> weightMap = weights.asMap();
        Collator russian = Collator.getInstance(Locale.forLanguageTag("ru"));
        List<Map.Entry<Organization, Scoring.Score>> scores = new ArrayList<>();
        for (Organization child : children) {
            Map<String, BigDecimal> normalized = new HashMap<>();
            readings.get(child.id()).forEach(reading -> normalized.put(reading.code(), reading.normalized()));
            scores.add(Map.entry(child, Scoring.score(weightMap, normalized, names)));
        }
        scores.sort(Comparator.<Map.Entry<Organization, Scoring.Score>, BigDecimal>comparing(
                        entry -> entry.getValue().total(), Comparator.reverseOrder())
                .thenComparing(entry -> entry.getKey().shortName(), russian));
        List<Scored> ranked = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            var entry = scores.get(i);
            int place = i > 0
                            && entry.getValue()
                                            .total()
                                            .compareTo(ranked.get(i - 1).score().total())
                                    == 0
                    ? ranked.get(i - 1).place()
                    : i + 1;
            ranked.add(new Scored(entry.getKey(), entry.getValue(), place));
        }
        return ranked;
    }

    /** The active primary organizations anywhere inside the organization, read in one query. */
    private List<Organization> primariesWithin(Organization root) {
        return organizations.membershipHoldersWithin(root.id()).stream()
                .filter(organization -> organization.kind() == OrganizationKind.PRIMARY)
                .filter(organization -> organization.id() != root.id())
                .toList();
    }

    List<OrganizationNode> allChildren(long organizationId) {
        List<OrganizationNode> nodes = new ArrayList<>();
        int number = 0;
        Page<OrganizationNode> page;
        do {
            page = organizations.children(organizationId, false, new PageRequest(number++, PageRequest.MAX_SIZE));
            nodes.addAll(page.items());
        } while (page.hasNext());
        return nodes;
    }

    private static List<Long> pathIds(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
