package ru.profkom.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The skeleton of a generated union decided before any card is written: which territorial
 * organizations each region has, what they are called, how many organizations stand under each,
 * and so which id each one gets. Deciding counts first is what lets the federation scale come out
 * at exactly 150,000 while every subtree is generated on its own.
 */
record UnionPlan(long rootId, List<RegionalPlan> regionals) {

    /** A territorial organization may not have more, so that its number fits two digits of an INN. */
    static final int MAX_TERRITORIALS_PER_REGION = 99;

    record RegionalPlan(long id, Region region, List<TerritorialPlan> territorials) {}

    /**
     * @param index 1-based within the region, written into codes ({@code R50-T03}) and INNs
     * @param town the town the organization sits in, or null for a rural district
     * @param descendants primary and shop organizations under it
     */
    record TerritorialPlan(
            long id,
            int index,
            String adjective,
            String organizationWord,
            String town,
            boolean capital,
            int descendants) {

        String code(Region region) {
            return "R" + region.code2() + "-T" + String.format("%02d", index);
        }
    }

    static UnionPlan of(UnionScale scale, long seed) {
        List<Region> regions = scale.regions();
        int regionCount = regions.size();
        Random random = new Random(seed);

        int[] territorials = apportion(
                scale.territorials(),
                regions.stream()
                        .mapToDouble(r -> Math.sqrt(r.populationThousands()))
                        .toArray(),
                filled(regionCount, Math.min(6, scale.territorials() / regionCount)),
                regions.stream().mapToInt(UnionPlan::capacity).toArray());

        int bigCity = scale.bigCityDescendants();
        int lower = scale.organizations() - 1 - regionCount - scale.territorials();
        int[] descendants = apportion(
                lower - bigCity,
                regions.stream()
                        .mapToDouble(r -> Math.pow(r.populationThousands(), 0.9))
                        .toArray(),
                IntStream.range(0, regionCount).map(i -> 2 * territorials[i]).toArray(),
                filled(regionCount, Integer.MAX_VALUE));

        List<RegionalPlan> regionals = new ArrayList<>();
        long nextId = 2;
        for (int r = 0; r < regionCount; r++) {
            Region region = regions.get(r);
            boolean hasBigCity = region.code() == scale.bigCityRegion() && bigCity > 0;
            List<TerritoryName> names = names(region, territorials[r], new Random(random.nextLong()));
            double[] weights = new double[names.size()];
            int[] minimums = filled(names.size(), 2);
            for (int t = 0; t < names.size(); t++) {
                TerritoryName name = names.get(t);
                double base = name.capital() ? 6 : name.town() != null ? 2 : 1;
                weights[t] = base * (0.6 + 0.8 * random.nextDouble());
            }
            if (hasBigCity) {
                // The capital is sized by hand below, so it takes nothing of the region's share.
                weights[0] = 0;
                minimums[0] = 0;
            }
            int[] sizes = apportion(descendants[r], weights, minimums, filled(names.size(), Integer.MAX_VALUE));
            if (hasBigCity) {
                sizes[0] = bigCity;
            }
            long regionalId = nextId++;
            List<TerritorialPlan> plans = new ArrayList<>();
            for (int t = 0; t < names.size(); t++) {
                TerritoryName name = names.get(t);
                plans.add(new TerritorialPlan(
                        nextId, t + 1, name.adjective(), name.word(), name.town(), name.capital(), sizes[t]));
                nextId += 1 + sizes[t];
            }
            regionals.add(new RegionalPlan(regionalId, region, List.copyOf(plans)));
        }
        return new UnionPlan(1, List.copyOf(regionals));
    }

    private record TerritoryName(String adjective, String word, String town, boolean capital) {}

    /**
     * The capital first, then the other towns, then rural districts; a federal city has its
     * okrugs and districts instead.
     */
    private static List<TerritoryName> names(Region region, int count, Random random) {
        List<TerritoryName> names = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>();
        if (!region.federalCity()) {
            names.add(new TerritoryName(region.capitalAdjective(), "городская", region.capital(), true));
            taken.add(region.capitalAdjective());
        }
        for (Region.Town town : region.towns()) {
            if (taken.add(town.adjective() + town.organizationWord())) {
                names.add(new TerritoryName(town.adjective(), town.organizationWord(), town.name(), false));
            }
        }
        List<String> pool = new ArrayList<>(region.federalCity() ? CITY_DISTRICTS : RURAL_DISTRICTS);
        Collections.shuffle(pool, random);
        for (String adjective : pool) {
            if (taken.add(adjective + "районная")) {
                names.add(new TerritoryName(
                        adjective, "районная", region.federalCity() ? region.capital() : null, false));
            }
        }
        return List.copyOf(names.subList(0, Math.min(count, names.size())));
    }

    private static int capacity(Region region) {
        int named = (region.federalCity() ? 0 : 1) + region.towns().size();
        int pool = region.federalCity() ? (region.code() == 77 ? CITY_DISTRICTS.size() : 0) : RURAL_DISTRICTS.size();
        return Math.min(MAX_TERRITORIALS_PER_REGION, named + pool);
    }

    /**
     * Splits {@code total} in proportion to {@code weights}, each part within its bounds, by the
     * largest remainders; ties go to the earlier part, so the split is the same every time.
     */
    static int[] apportion(int total, double[] weights, int[] minimums, int[] maximums) {
        int n = weights.length;
        int[] result = minimums.clone();
        int remaining = total - Arrays.stream(minimums).sum();
        if (remaining < 0) {
            throw new IllegalArgumentException("The minimums exceed the total " + total);
        }
        while (remaining > 0) {
            double open = 0;
            for (int i = 0; i < n; i++) {
                if (result[i] < maximums[i]) {
                    open += weights[i];
                }
            }
            if (open == 0) {
                throw new IllegalArgumentException("No room left for " + remaining + " of " + total);
            }
            double[] fractions = new double[n];
            int given = 0;
            for (int i = 0; i < n; i++) {
                if (result[i] < maximums[i] && weights[i] > 0) {
                    double exact = remaining * weights[i] / open;
                    int share = (int) Math.min(Math.floor(exact), (long) maximums[i] - result[i]);
                    result[i] += share;
                    given += share;
                    fractions[i] = exact - Math.floor(exact);
                }
            }
            remaining -= given;
            if (remaining > 0) {
                Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -fractions[i]));
                for (int i : order) {
                    if (remaining == 0) {
                        break;
                    }
                    if (result[i] < maximums[i] && weights[i] > 0 && fractions[i] > 0) {
                        result[i]++;
                        remaining--;
                    }
                }
                if (given == 0 && remaining > 0) {
                    // Every open part got its floor already and no fraction is left: hand out one each.
                    for (int i : order) {
                        if (remaining > 0 && result[i] < maximums[i] && weights[i] > 0) {
                            result[i]++;
                            remaining--;
                        }
                    }
                }
            }
        }
        return result;
    }

    private static int[] filled(int length, int value) {
        int[] array = new int[length];
        Arrays.fill(array, value);
        return array;
    }

    /** Rural districts, named as their organizations are: «Берёзовская районная организация». */
    static final List<String> RURAL_DISTRICTS = List.of(
            "Берёзовская",
            "Сосновская",
            "Каменская",
            "Никольская",
            "Покровская",
            "Троицкая",
            "Знаменская",
            "Михайловская",
            "Александровская",
            "Ивановская",
            "Петровская",
            "Николаевская",
            "Васильевская",
            "Дмитриевская",
            "Андреевская",
            "Григорьевская",
            "Воскресенская",
            "Богородская",
            "Успенская",
            "Ильинская",
            "Спасская",
            "Преображенская",
            "Георгиевская",
            "Краснослободская",
            "Первомайская",
            "Октябрьская",
            "Советская",
            "Кировская",
            "Ленинская",
            "Калининская",
            "Заречная",
            "Приозёрная",
            "Озёрская",
            "Лесная",
            "Степная",
            "Луговская",
            "Полевская",
            "Садовская",
            "Дубровская",
            "Липовская",
            "Ольховская",
            "Вязовская",
            "Рябиновская",
            "Ключевская",
            "Нагорная",
            "Светлинская",
            "Мирненская",
            "Юбилейная",
            "Чистопольская",
            "Белозёрская",
            "Черноярская",
            "Краснополянская",
            "Новосёловская",
            "Старосельская",
            "Верхнеозёрская",
            "Нижнереченская",
            "Большереченская",
            "Усть-Каменская",
            "Зеленоборская",
            "Красноборская",
            "Широковская",
            "Глубоковская",
            "Боровская",
            "Борисовская",
            "Ясногорская",
            "Солнечная",
            "Родниковская",
            "Кедровская",
            "Черёмуховская",
            "Кудринская",
            "Голубевская",
            "Соколовская",
            "Журавлёвская",
            "Лебяжинская",
            "Высокогорная",
            "Медведевская",
            "Волчихинская",
            "Зайцевская",
            "Еловская",
            "Пихтовская",
            "Осиновская",
            "Тополёвская",
            "Калиновская",
            "Вишнёвская",
            "Яблоновская",
            "Грушевская",
            "Дубовская",
            "Ракитянская",
            "Коченёвская",
            "Ордынская",
            "Ивантеевская",
            "Макарьевская",
            "Сергиевская",
            "Мокшанская",
            "Красноармейская",
            "Пролетарская");

    /** Districts of Moscow beyond its okrugs, each with a district organization of its own. */
    static final List<String> CITY_DISTRICTS = List.of(
            "Арбатская",
            "Басманная",
            "Замоскворецкая",
            "Мещанская",
            "Пресненская",
            "Таганская",
            "Тверская",
            "Хамовническая",
            "Якиманская",
            "Красносельская",
            "Аэропортовская",
            "Беговая",
            "Бескудниковская",
            "Войковская",
            "Головинская",
            "Дмитровская",
            "Коптевская",
            "Левобережная",
            "Савёловская",
            "Сокольская",
            "Тимирязевская",
            "Хорошёвская",
            "Алексеевская",
            "Алтуфьевская",
            "Бабушкинская",
            "Бибиревская",
            "Бутырская",
            "Лианозовская",
            "Лосиноостровская",
            "Марфинская",
            "Марьинорощинская",
            "Останкинская",
            "Отрадненская",
            "Ростокинская",
            "Свибловская",
            "Ярославская",
            "Богородская",
            "Вешняковская",
            "Гольяновская",
            "Ивановская",
            "Измайловская",
            "Косинская",
            "Новогиреевская",
            "Перовская",
            "Преображенская",
            "Сокольническая",
            "Выхинская",
            "Капотнянская",
            "Кузьминская",
            "Лефортовская",
            "Люблинская",
            "Марьинская",
            "Некрасовская",
            "Печатниковская",
            "Рязанская",
            "Текстильщиковская",
            "Южнопортовая",
            "Бирюлёвская",
            "Братеевская",
            "Даниловская",
            "Донская",
            "Зябликовская",
            "Москворечьевская",
            "Нагатинская",
            "Нагорная",
            "Орехово-Борисовская",
            "Царицынская",
            "Чертановская",
            "Академическая",
            "Гагаринская",
            "Зюзинская",
            "Коньковская",
            "Котловская",
            "Ломоносовская",
            "Обручевская",
            "Тёплостанская",
            "Черёмушкинская",
            "Ясеневская",
            "Дорогомиловская",
            "Кунцевская",
            "Можайская",
            "Раменская",
            "Солнцевская",
            "Крылатская",
            "Филёвская",
            "Щукинская",
            "Митинская",
            "Строгинская",
            "Тушинская",
            "Куркинская");
}
