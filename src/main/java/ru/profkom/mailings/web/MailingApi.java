package ru.profkom.mailings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import ru.profkom.mailings.Audience;
import ru.profkom.mailings.AudienceReach;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.Delivery;
import ru.profkom.mailings.MailingControl;
import ru.profkom.mailings.MailingForm;
import ru.profkom.mailings.MailingLines.Line;
import ru.profkom.mailings.MailingLines.Preview;
import ru.profkom.mailings.MailingLines.RecipientLine;
import ru.profkom.mailings.MailingLines.SavedAudience;
import ru.profkom.mailings.MailingLines.TestSent;
import ru.profkom.mailings.MailingStatus;
import ru.profkom.mailings.MailingTestSends;
import ru.profkom.mailings.MailingView;
import ru.profkom.mailings.Mailings;
import ru.profkom.mailings.OutboxStatus;
import ru.profkom.mailings.tracking.MailingReports;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.Paged;

@RestController
@Tag(
        name = "Рассылки",
        description =
                "Рассылки членам профсоюза структуры организации по e-mail, Telegram, ВКонтакте и SMS:"
                        + " получатели по виду организации, роли, категории, возрасту и состоянию членства, всегда в пределах"
                        + " согласий (152-ФЗ) и полномочий отправителя; счёт охвата по каналам до отправки; черновик,"
                        + " проверка себе, планирование, пауза, отмена, повтор неотправленных; отчёт по организациям и список получателей")
class MailingApi {

    private final Mailings mailings;
    private final MailingControl control;
    private final Organizations organizations;
    private final MailingTestSends testSends;

    private final MailingReports reports;

    MailingApi(
            Mailings mailings,
            MailingControl control,
            Organizations organizations,
            MailingTestSends testSends,
            MailingReports reports) {
        this.reports = reports;
        this.mailings = mailings;
        this.control = control;
        this.organizations = organizations;
        this.testSends = testSends;
    }

    /** A mailing as the API takes it; {@code texts} names the channels chosen. */
    record MailingBody(
            String title,
            Audience audience,
            Delivery delivery,
            String subject,
            String html,
            Map<Channel, String> texts,
            Instant sendAt,
            LocalTime windowStart,
            LocalTime windowEnd) {
        MailingForm form() {
            return new MailingForm(title, audience, delivery, subject, html, texts, sendAt, windowStart, windowEnd);
        }
    }

    /** What the live count is asked for. */
    record ReachBody(Audience audience, Set<Channel> channels, Delivery delivery) {}

    record SavedAudienceBody(String name, Audience audience) {}

    record Resent(int requeued) {}

    /** Whose personalisation a test send takes: a person of the audience (from the preview), or null for oneself. */
    record TestSendBody(Long asPersonId) {}

    @GetMapping("/api/v1/organizations/{id}/mailings")
    @Operation(
            summary = "Рассылки организации, новые первыми, по страницам; status — DRAFT, SCHEDULED, SENDING,"
                    + " PAUSED, CANCELLED, DONE")
    Page<Line> list(
            @PathVariable long id,
            @Parameter(description = "состояние рассылки") @RequestParam(required = false) MailingStatus status,
            @Paged(sizeFromRequest = true) PageRequest page) {
        return mailings.list(id, status, page);
    }

    @PostMapping("/api/v1/organizations/{id}/mailings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Черновик рассылки от организации: название, получатели, тексты по каналам, время и окно")
    MailingView create(@PathVariable long id, @RequestBody MailingBody body) {
        return mailings.get(mailings.createDraft(id, body.form()));
    }

    @PostMapping("/api/v1/organizations/{id}/mailing-reach")
    @Operation(
            summary = "Сколько человек получат рассылку сейчас: по каждому каналу доступны, без согласия, без"
                    + " адреса; без согласия на обработку персональных данных")
    AudienceReach reach(@PathVariable long id, @RequestBody ReachBody body) {
        return mailings.reach(
                id,
                body.audience() == null ? Audience.EVERYONE : body.audience(),
                body.channels() == null ? Set.of() : body.channels(),
                body.delivery() == null ? Delivery.ALL_CHANNELS : body.delivery());
    }

    @GetMapping("/api/v1/mailings/{mailingId}")
    @Operation(summary = "Рассылка: форма, состояние, число сообщений по состояниям и каналам")
    MailingView get(@PathVariable long mailingId) {
        return mailings.get(mailingId);
    }

    @PutMapping("/api/v1/mailings/{mailingId}")
    @Operation(summary = "Изменить черновик (запланированная рассылка не меняется)")
    MailingView update(@PathVariable long mailingId, @RequestBody MailingBody body) {
        mailings.updateDraft(mailingId, body.form());
        return mailings.get(mailingId);
    }

    @DeleteMapping("/api/v1/mailings/{mailingId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Удалить черновик")
    void delete(@PathVariable long mailingId) {
        mailings.deleteDraft(mailingId);
    }

    @GetMapping("/api/v1/mailings/{mailingId}/preview")
    @Operation(summary = "Тема и тексты рассылки, подставленные для первых получателей (до 20)")
    List<Preview> preview(@PathVariable long mailingId, @RequestParam(defaultValue = "3") int samples) {
        return mailings.preview(mailingId, samples);
    }

    @PostMapping("/api/v1/mailings/{mailingId}/test-send")
    @Operation(
            summary = "Отправить рассылку себе на проверку: на e-mail своей учётной записи (и в Telegram, если"
                    + " бот подключён в кабинете), тема с пометкой «[Проверка]»; подстановки — для asPersonId из"
                    + " получателей (personId предпросмотра) или, без него, для себя. Не чаще 3 раз в минуту, в"
                    + " отчёт рассылки не входит, записывается в журнал; отказ почтового сервера — 409 с причиной")
    TestSent testSend(@PathVariable long mailingId, @RequestBody(required = false) TestSendBody body) {
        return testSends.send(mailingId, body == null ? null : body.asPersonId());
    }

    @PostMapping("/api/v1/mailings/{mailingId}/schedule")
    @Operation(
            summary = "Запланировать черновик: проверка получателей, подстановок, времени и вложений;"
                    + " список получателей составляется в момент начала отправки")
    MailingView schedule(@PathVariable long mailingId) {
        return mailings.schedule(mailingId);
    }

    @PostMapping("/api/v1/mailings/{mailingId}/pause")
    @Operation(summary = "Приостановить (действует со следующей пачки)")
    MailingView pause(@PathVariable long mailingId) {
        control.pause(organizations.scope(), mailingId);
        return mailings.get(mailingId);
    }

    @PostMapping("/api/v1/mailings/{mailingId}/resume")
    @Operation(summary = "Продолжить приостановленную")
    MailingView resume(@PathVariable long mailingId) {
        control.resume(organizations.scope(), mailingId);
        return mailings.get(mailingId);
    }

    @PostMapping("/api/v1/mailings/{mailingId}/cancel")
    @Operation(summary = "Отменить; отправленное остаётся отправленным")
    MailingView cancel(@PathVariable long mailingId) {
        control.cancel(organizations.scope(), mailingId);
        return mailings.get(mailingId);
    }

    @PostMapping("/api/v1/mailings/{mailingId}/resend")
    @Operation(
            summary = "Вернуть в очередь неотправленные (FAILED); includeUnknown — и «неизвестно, ушло ли»,"
                    + " которые человек может получить дважды")
    Resent resend(@PathVariable long mailingId, @RequestParam(defaultValue = "false") boolean includeUnknown) {
        return new Resent(control.resend(organizations.scope(), mailingId, includeUnknown));
    }

    @GetMapping("/api/v1/mailings/{mailingId}/report")
    @Operation(
            summary = "Итоги рассылки: доставлено, открыто (без машинных открытий), переходы, отписки, возвраты,"
                    + " не доставлено и «неизвестно» — всего и по каналам")
    MailingReports.Summary report(@PathVariable long mailingId) {
        return reports.summary(organizations.scope(), mailingId);
    }

    @GetMapping("/api/v1/mailings/{mailingId}/organizations")
    @Operation(
            summary = "Итоги рассылки по организациям получателей (больше всего получателей — первыми), с их местом"
                    + " в дереве ниже отправителя")
    Page<MailingReports.OrganizationLine> byOrganization(
            @PathVariable long mailingId, @Paged(sizeFromRequest = true) PageRequest page) {
        return reports.byOrganization(organizations.scope(), mailingId, page);
    }

    @GetMapping("/api/v1/mailings/{mailingId}/recipients")
    @Operation(summary = "Получатели рассылки с адресом, состоянием и причиной; чтение записывается в журнал")
    Page<RecipientLine> recipients(
            @PathVariable long mailingId,
            @Parameter(description = "состояния: QUEUED, SENDING, SENT, FAILED, UNKNOWN (несколько через запятую)")
                    @RequestParam(required = false)
                    List<OutboxStatus> status,
            @Paged(sizeFromRequest = true) PageRequest page) {
        return mailings.recipients(mailingId, status == null ? List.of() : status, page);
    }

    @GetMapping("/api/v1/organizations/{id}/mailing-audiences")
    @Operation(summary = "Сохранённые получатели организации")
    List<SavedAudience> savedAudiences(@PathVariable long id) {
        return mailings.savedAudiences(id);
    }

    @PostMapping("/api/v1/organizations/{id}/mailing-audiences")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Сохранить получателей под названием (то же название заменяется)")
    SavedAudience saveAudience(@PathVariable long id, @RequestBody SavedAudienceBody body) {
        long saved =
                mailings.saveAudience(id, body.name(), body.audience() == null ? Audience.EVERYONE : body.audience());
        return mailings.savedAudiences(id).stream()
                .filter(audience -> audience.id() == saved)
                .findFirst()
                .orElseThrow(() -> ProfkomException.notFound("mailing.audience.notFound"));
    }

    @DeleteMapping("/api/v1/organizations/{id}/mailing-audiences/{audienceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Удалить сохранённых получателей")
    void deleteAudience(@PathVariable long id, @PathVariable long audienceId) {
        mailings.deleteAudience(id, audienceId);
    }
}
