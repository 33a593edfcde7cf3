package ru.profkom.channelregistry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.channelregistry.ChannelFilter;
import ru.profkom.channelregistry.ChannelForm;
import ru.profkom.channelregistry.ChannelKind;
import ru.profkom.channelregistry.ChannelReading;
import ru.profkom.channelregistry.ChannelRegistry;
import ru.profkom.channelregistry.DailyTotal;
import ru.profkom.channelregistry.RegisteredChannel;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.Paged;

@RestController
@Tag(
        name = "Реестр каналов",
        description = "Сайты, сообщества, каналы и чаты организации и её структуры: вид, адрес, название,"
                + " подключён ли (число подписчиков читается раз в день из Telegram и ВКонтакте) или вводится"
                + " вручную, история подписчиков, предупреждение о регистрации в Роскомнадзоре с 9 000 подписчиков;"
                + " для аппарата организации и вышестоящих")
class RegistryChannelApi {

    private final ChannelRegistry registry;
    private final Clock clock;

    RegistryChannelApi(ChannelRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** A channel as the API takes it; {@code connected} false when left out. */
    record ChannelBody(ChannelKind kind, String address, String name, String apiTarget, Boolean connected) {
        ChannelForm form() {
            return new ChannelForm(kind, address, name, apiTarget, Boolean.TRUE.equals(connected));
        }
    }

    /** A count typed by hand; {@code date} today when left out. */
    record CountBody(LocalDate date, Integer subscribers) {}

    @GetMapping("/api/v1/organizations/{id}/channels")
    @Operation(summary = "Каналы организации или (subtree=true) всей её структуры, по страницам, с фильтрами")
    Page<RegisteredChannel> channels(
            @PathVariable long id,
            @Parameter(description = "каналы всех организаций структуры") @RequestParam(defaultValue = "false")
                    boolean subtree,
            @Parameter(
                            description =
                                    "вид: SITE, VK_COMMUNITY, TELEGRAM_CHANNEL, TELEGRAM_CHAT, OK, MAX, YOUTUBE, OTHER")
                    @RequestParam(required = false)
                    String kind,
            @Parameter(description = "часть названия или адреса") @RequestParam(defaultValue = "") String q,
            @Parameter(description = "с закрытыми (архивными)") @RequestParam(defaultValue = "false") boolean archived,
            @Parameter(description = "только с предупреждением (9 000 подписчиков и больше)")
                    @RequestParam(defaultValue = "false")
                    boolean warning,
            @Paged(sizeFromRequest = true) PageRequest page) {
        return registry.channels(id, new ChannelFilter(subtree, kind(kind), q, archived, warning), page);
    }

    @PostMapping("/api/v1/organizations/{id}/channels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Внести канал. apiTarget (chat_id Telegram, id сообщества ВКонтакте) выводится из адреса,"
                    + " если не указан; connected=true только для Telegram и ВКонтакте")
    RegisteredChannel register(@PathVariable long id, @RequestBody ChannelBody body) {
        return registry.register(id, body.form());
    }

    @GetMapping("/api/v1/organizations/{id}/channels/{registryChannelId}")
    @Operation(summary = "Канал с последним числом подписчиков и состоянием последнего чтения из API")
    RegisteredChannel channel(@PathVariable long id, @PathVariable long registryChannelId) {
        return registry.channel(id, registryChannelId);
    }

    @PutMapping("/api/v1/organizations/{id}/channels/{registryChannelId}")
    @Operation(summary = "Изменить канал")
    RegisteredChannel update(
            @PathVariable long id, @PathVariable long registryChannelId, @RequestBody ChannelBody body) {
        return registry.update(id, registryChannelId, body.form());
    }

    @PostMapping("/api/v1/organizations/{id}/channels/{registryChannelId}/archive")
    @Operation(summary = "Закрыть канал: уходит из списков, чтения и показателей, история остаётся")
    RegisteredChannel archive(@PathVariable long id, @PathVariable long registryChannelId) {
        return registry.archive(id, registryChannelId);
    }

    @PostMapping("/api/v1/organizations/{id}/channels/{registryChannelId}/restore")
    @Operation(summary = "Вернуть канал из архива")
    RegisteredChannel restore(@PathVariable long id, @PathVariable long registryChannelId) {
        return registry.restore(id, registryChannelId);
    }

    @PostMapping("/api/v1/organizations/{id}/channels/{registryChannelId}/counts")
    @Operation(summary = "Ввести число подписчиков за день вручную (заменяет чтение того же дня)")
    RegisteredChannel count(@PathVariable long id, @PathVariable long registryChannelId, @RequestBody CountBody body) {
        return registry.enterCount(
                id, registryChannelId, body == null ? null : body.date(), body == null ? null : body.subscribers());
    }

    @GetMapping("/api/v1/organizations/{id}/channels/{registryChannelId}/readings")
    @Operation(summary = "История подписчиков канала по дням (по умолчанию за последний год, не больше двух лет)")
    List<ChannelReading> readings(
            @PathVariable long id,
            @PathVariable long registryChannelId,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? MoscowTime.today(clock) : to;
        return registry.readings(id, registryChannelId, from == null ? end.minusYears(1) : from, end);
    }

    @GetMapping("/api/v1/organizations/{id}/channels/totals")
    @Operation(summary = "Всего подписчиков всех открытых каналов организации по дням")
    List<DailyTotal> totals(
            @PathVariable long id,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        LocalDate end = to == null ? MoscowTime.today(clock) : to;
        return registry.totals(id, from == null ? end.minusYears(1) : from, end);
    }

    private static ChannelKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        ChannelKind kind = ChannelKind.parse(text);
        if (kind == null) {
            throw ProfkomException.invalid("kind", "channels.kind.unknown");
        }
        return kind;
    }
}
