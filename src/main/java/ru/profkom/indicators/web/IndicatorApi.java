package ru.profkom.indicators.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.indicators.Channel;
import ru.profkom.indicators.ChildReport;
import ru.profkom.indicators.IndicatorEntry;
import ru.profkom.indicators.IndicatorProvider;
import ru.profkom.indicators.IndicatorReading;
import ru.profkom.indicators.Indicators;
import ru.profkom.indicators.InfoReports;
import ru.profkom.indicators.Ranking;
import ru.profkom.indicators.Rating;
import ru.profkom.indicators.Target;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@RestController
@Tag(
        name = "Показатели и рейтинг",
        description = "Показатели информационной работы по месяцам с источниками, данные, вводимые вручную, веса и"
                + " рейтинг ППО, ежемесячный отчёт; только для работников аппарата поддерева")
class IndicatorApi {

    private final Indicators indicators;
    private final Rating rating;
    private final InfoReports reports;
    private final IndicatorTexts texts;

    IndicatorApi(Indicators indicators, Rating rating, InfoReports reports, IndicatorTexts texts) {
        this.indicators = indicators;
        this.rating = rating;
        this.reports = reports;
        this.texts = texts;
    }

    /** An indicator known to the system. */
    record IndicatorInfo(String code, String name, IndicatorProvider.Unit unit, Target target, int defaultWeight) {}

    /** An indicator's reading with its name and its source in words. */
    record Reading(String name, String source, IndicatorReading reading) {}

    /** A channel to add: kind, address and subscribers. */
    record NewChannel(Channel.Kind kind, String address, Integer subscribers) {}

    /** Weights by indicator code, whole percent adding up to 100. */
    record WeightsBody(Map<String, Integer> weights) {}

    record Sent(YearMonth period, Instant sentAt) {}

    @GetMapping("/api/v1/indicators")
    @Operation(summary = "Все показатели: код, название, единица, норматив, вес по умолчанию")
    List<IndicatorInfo> list() {
        return indicators.providers().stream()
                .map(provider -> new IndicatorInfo(
                        provider.code(),
                        texts.text(provider.nameKey()),
                        provider.unit(),
                        provider.target(),
                        provider.defaultWeight()))
                .toList();
    }

    @GetMapping("/api/v1/organizations/{id}/indicators")
    @Operation(summary = "Показатели организации за месяц (period=ГГГГ-ММ, по умолчанию текущий) с источником каждого")
    List<Reading> readings(@PathVariable long id, @RequestParam(required = false) String period) {
        YearMonth month = indicators.period(period);
        return indicators.readings(id, month).stream()
                .map(reading -> new Reading(
                        texts.text(reading.nameKey()),
                        texts.text(reading.sourceKey(), reading.sourceDetail()),
                        reading))
                .toList();
    }

    @GetMapping("/api/v1/organizations/{id}/indicators/entry")
    @Operation(
            summary =
                    "Данные месяца, введённые вручную: смета, расходы на информационную работу, стенды, подписка, обучение")
    IndicatorEntry entry(@PathVariable long id, @RequestParam(required = false) String period) {
        return indicators.entry(id, indicators.period(period));
    }

    @PutMapping("/api/v1/organizations/{id}/indicators/entry")
    @Operation(summary = "Сохранить данные месяца; отрицательные и невозможные числа, будущий месяц отклоняются")
    IndicatorEntry saveEntry(
            @PathVariable long id, @RequestParam(required = false) String period, @RequestBody IndicatorEntry entry) {
        return indicators.saveEntry(id, indicators.period(period), entry);
    }

    @GetMapping("/api/v1/organizations/{id}/indicators/channels")
    @Operation(summary = "Каналы организации за месяц с числом подписчиков")
    Page<Channel> channels(
            @PathVariable long id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Channel.Kind kind,
            PageRequest page) {
        return indicators.channels(id, indicators.period(period), kind, page);
    }

    @PostMapping("/api/v1/organizations/{id}/indicators/channels")
    @Operation(summary = "Добавить канал организации за месяц")
    Channel addChannel(
            @PathVariable long id, @RequestParam(required = false) String period, @RequestBody NewChannel channel) {
        return indicators.addChannel(
                id, indicators.period(period), channel.kind(), channel.address(), channel.subscribers());
    }

    @DeleteMapping("/api/v1/organizations/{id}/indicators/channels/{channelId}")
    @Operation(summary = "Удалить канал организации")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeChannel(@PathVariable long id, @PathVariable long channelId) {
        indicators.removeChannel(id, channelId);
    }

    @GetMapping("/api/v1/organizations/{id}/rating")
    @Operation(
            summary = "Рейтинг всех ППО внутри организации за месяц: место, место месяцем раньше, баллы с"
                    + " расшифровкой; within — только ППО внутри организации промежуточного уровня (места общие)")
    Ranking ranking(
            @PathVariable long id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long within,
            PageRequest page) {
        return rating.ranking(id, indicators.period(period), q, within, page);
    }

    @GetMapping("/api/v1/organizations/{id}/rating/weights")
    @Operation(summary = "Веса показателей, по которым рейтингуются ППО внутри организации, и кто их задал")
    Rating.Weights weights(@PathVariable long id) {
        return rating.weights(id);
    }

    @PutMapping("/api/v1/organizations/{id}/rating/weights")
    @Operation(summary = "Задать веса (целые проценты, в сумме 100); только администраторам организации")
    Rating.Weights setWeights(@PathVariable long id, @RequestBody WeightsBody body) {
        return rating.setWeights(id, body.weights());
    }

    @PostMapping("/api/v1/organizations/{id}/info-reports")
    @Operation(summary = "Отправить ежемесячный отчёт об информационной работе в вышестоящую организацию")
    Sent send(@PathVariable long id, @RequestParam(required = false) String period) {
        YearMonth month = indicators.period(period);
        return new Sent(month, reports.send(id, month));
    }

    @GetMapping("/api/v1/organizations/{id}/info-reports")
    @Operation(summary = "Какие дочерние организации отправили ежемесячный отчёт за месяц (sent=true/false для отбора)")
    Page<ChildReport> childReports(
            @PathVariable long id,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean sent,
            PageRequest page) {
        return reports.childReports(id, indicators.period(period), q, sent, page);
    }
}
