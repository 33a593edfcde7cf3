package ru.profkom.demo;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.statistics.MembershipStatistics;
import ru.profkom.statistics.RecountReport;
import ru.profkom.statistics.StatisticsBenchmark;

/** Runs the non-web command named by {@code profkom.command} and remembers how it ended. */
@Component
@ConditionalOnProperty("profkom.command")
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    static final int REFUSED = 3;
    static final int TARGET_MISSED = 4;
    static final int USAGE = 2;

    private final DemoUnion demoUnion;
    private final TreeBenchmark benchmark;
    private final MembershipStatistics statistics;
    private final StatisticsBenchmark statisticsBenchmark;
    private final BenchmarkMembers benchmarkMembers;
    private final String command;
    private int exitCode;

    CommandRunner(
            DemoUnion demoUnion,
            TreeBenchmark benchmark,
            MembershipStatistics statistics,
            StatisticsBenchmark statisticsBenchmark,
            BenchmarkMembers benchmarkMembers,
            ProfkomSettings settings) {
        this.demoUnion = demoUnion;
        this.benchmark = benchmark;
        this.statistics = statistics;
        this.statisticsBenchmark = statisticsBenchmark;
        this.benchmarkMembers = benchmarkMembers;
        this.command = settings.command();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            switch (command) {
                case "generate" -> generate(args);
                case "bench-tree" -> bench(args);
                case "recount-statistics" -> recountStatistics();
                case "bench-statistics" -> benchStatistics(args);
                case "import-members", "generate-members", "bench-member-search" -> {
                    // The members module's own command runs it.
                }
                case "bench-mailing-audience" -> {
                    // ru.profkom.mailings.AudienceBenchmark runs it.
                }
                case "generate-publications", "bench-search-publications" -> {
                    // ru.profkom.publications.PublicationCommands runs them.
                }
                default -> fail(USAGE, "Неизвестная команда: " + command + "\n" + CommandLine.usage());
            }
        } catch (IllegalArgumentException e) {
            fail(USAGE, e.getMessage() + "\n" + CommandLine.usage());
        }
    }

    private void generate(ApplicationArguments args) {
        UnionScale scale = scale(args, UnionScale.DEMO);
        Sector sector = sector(args, scale);
        if (!demoUnion.databaseEmpty()) {
            fail(
                    REFUSED,
                    "В базе данных уже есть организации. Команда generate загружает профсоюз только в пустую базу:"
                            + " укажите другую базу (--db) или удалите каталог ./data.");
            return;
        }
        System.out.printf(Locale.ROOT, "Загружается %s (%s)…%n", scaleName(scale), sector.unionShortName());
        demoUnion
                .load(scale, sector, organization -> {})
                .ifPresentOrElse(
                        loaded -> {
                            System.out.printf(
                                    RUSSIAN,
                                    "Загружено организаций: %,d за %.1f с.%n",
                                    loaded.organizations(),
                                    loaded.millis() / 1000.0);
                            demoUnion.printLogins(System.out);
                        },
                        () -> fail(REFUSED, "В базе данных уже есть организации: загрузка отменена."));
    }

    private void bench(ApplicationArguments args) {
        UnionScale scale = scale(args, UnionScale.FEDERATION);
        int samples = Integer.parseInt(single(args, "samples", "10000"));
        boolean passed = benchmark.run(scale, sector(args, scale), samples, System.out);
        if (!passed) {
            exitCode = TARGET_MISSED;
        }
    }

    /** Rebuilds the statistics from the registry and prints where the incremental counters differed. */
    private void recountStatistics() {
        System.out.println("Пересчёт статистики членства из реестра…");
        RecountReport report = CurrentActor.asSystem(statistics::recount);
        System.out.printf(
                RUSSIAN,
                "Членств: %,d, организаций: %,d, %.1f с.%n",
                report.memberships(),
                report.organizations(),
                report.took().toMillis() / 1000.0);
        if (report.agreed()) {
            System.out.println("Накопленные показатели совпадают с пересчитанными.");
        } else {
            System.out.println("Расхождения накопленных показателей с пересчётом (исправлены пересчётом):");
            report.differences().forEach(difference -> System.out.println("  " + difference));
            exitCode = TARGET_MISSED;
        }
    }

    private void benchStatistics(ApplicationArguments args) {
        long members = Long.parseLong(single(args, "members", "0"));
        int samples = Integer.parseInt(single(args, "samples", "500"));
        if (demoUnion.databaseEmpty()) {
            fail(REFUSED, "В базе нет организаций: сначала ./profkom generate --scale federation --db …");
            return;
        }
        if (members > 0) {
            long started = System.nanoTime();
            long added = benchmarkMembers.addUpTo(members);
            System.out.printf(
                    RUSSIAN,
                    "Синтетических членов добавлено: %,d (всего %,d) за %.1f с.%n",
                    added,
                    benchmarkMembers.count(),
                    (System.nanoTime() - started) / 1e9);
        }
        if (!statisticsBenchmark.run(samples, System.out)) {
            exitCode = TARGET_MISSED;
        }
    }

    private static UnionScale scale(ApplicationArguments args, UnionScale fallback) {
        String value = single(args, "scale", fallback.name());
        try {
            return UnionScale.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Масштаб --scale бывает demo или federation, а не " + value);
        }
    }

    private static Sector sector(ApplicationArguments args, UnionScale scale) {
        String value = single(args, "sector", scale.defaultSector().name());
        try {
            return Sector.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Отрасль --sector бывает health, education или coal, а не " + value);
        }
    }

    private static String single(ApplicationArguments args, String option, String fallback) {
        List<String> values = args.getOptionValues(option);
        return values == null || values.isEmpty() ? fallback : values.getLast();
    }

    private static String scaleName(UnionScale scale) {
        return scale == UnionScale.DEMO ? "демо-профсоюз" : "профсоюз федерального масштаба";
    }

    private void fail(int code, String message) {
        System.err.println(message);
        exitCode = code;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** The benchmark starts from an empty schema whatever the database held before. */
    @Bean
    @ConditionalOnProperty(name = "profkom.command", havingValue = "bench-tree")
    static FlywayMigrationStrategy cleanBeforeBenchmark() {
        return flyway -> {
            flyway.clean();
            flyway.migrate();
        };
    }
}
