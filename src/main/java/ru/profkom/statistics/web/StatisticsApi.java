package ru.profkom.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.statistics.ChildFigures;
import ru.profkom.statistics.MembershipFigures;
import ru.profkom.statistics.MembershipMovement;
import ru.profkom.statistics.MembershipStatistics;
import ru.profkom.statistics.MonthlyPoint;

@RestController
@Tag(
        name = "Статистика членства",
        description = "Численность, категории, пол, молодёжь, движение и уровень членства поддерева организации;"
                + " для аппарата поддерева и вышестоящих организаций")
class StatisticsApi {

    private final MembershipStatistics statistics;
    private final Clock clock;

    StatisticsApi(MembershipStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/organizations/{id}/statistics")
    @Operation(summary = "Показатели членства поддерева на конец дня (по умолчанию сегодня)")
    MembershipFigures figures(
            @PathVariable long id,
            @Parameter(description = "дата, ГГГГ-ММ-ДД; не в будущем")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date) {
        return statistics.figures(id, date);
    }

    @GetMapping("/api/v1/organizations/{id}/statistics/movement")
    @Operation(summary = "Вступившие, выбывшие по причинам и переводы за период (по умолчанию с начала года)")
    MembershipMovement movement(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = Period.of(from, to, MoscowTime.today(clock));
        return statistics.movement(id, period.from(), period.to());
    }

    @GetMapping("/api/v1/organizations/{id}/statistics/monthly")
    @Operation(summary = "Помесячный ряд: численность на конец месяца и движение за месяц")
    List<MonthlyPoint> monthly(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = Period.of(from, to, MoscowTime.today(clock));
        return statistics.monthlySeries(id, period.from(), period.to());
    }

    @GetMapping("/api/v1/organizations/{id}/statistics/children")
    @Operation(summary = "Показатели дочерних организаций для детализации, постранично")
    Page<ChildFigures> children(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            PageRequest page) {
        return statistics.childrenFigures(id, date, page);
    }
}
