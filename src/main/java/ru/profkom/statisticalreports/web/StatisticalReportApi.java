package ru.profkom.statisticalreports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.organizations.OrganizationKind;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.statisticalreports.OrganizationReportStatus;
import ru.profkom.statisticalreports.ReportChanges;
import ru.profkom.statisticalreports.StatisticalReport;
import ru.profkom.statisticalreports.StatisticalReports;
import ru.profkom.statisticalreports.StatusFilter;

@RestController
@Tag(
        name = "Годовой статистический отчёт",
        description = "Отчёт организации по профсоюзному членству и профсоюзным органам за год (на 1 января"
                + " следующего): строки из реестра и вручную, черновик, направление в вышестоящую организацию,"
                + " приём или возврат с комментарием, сводный отчёт из принятых отчётов дочерних организаций;"
                + " для аппарата организации и вышестоящих")
class StatisticalReportApi {

    private final StatisticalReports reports;

    StatisticalReportApi(StatisticalReports reports) {
        this.reports = reports;
    }

    /** The comment of a return. */
    record ReturnBody(String comment) {}

    @GetMapping("/api/v1/organizations/{id}/statistical-reports/{year}")
    @Operation(
            summary = "Отчёт за год: строки с источником (из реестра / вручную), собственные значения, принятое от"
                    + " дочерних и итог, статус и история статусов")
    StatisticalReport report(
            @PathVariable long id,
            @Parameter(description = "отчётный год; отчёт составляется по состоянию на 1 января следующего")
                    @PathVariable
                    int year) {
        return reports.report(id, year);
    }

    @PutMapping("/api/v1/organizations/{id}/statistical-reports/{year}")
    @Operation(
            summary = "Сохранить черновик: lines — строки по коду (число исправляет строку реестра вручную, null"
                    + " возвращает значение реестра или очищает ручную строку), version — прочитанная версия."
                    + " Отрицательные и невозможные числа, направленный отчёт отклоняются, ничего не сохраняется")
    StatisticalReport save(@PathVariable long id, @PathVariable int year, @RequestBody ReportChanges changes) {
        return reports.save(id, year, changes);
    }

    @PostMapping("/api/v1/organizations/{id}/statistical-reports/{year}/submit")
    @Operation(
            summary = "Направить отчёт в вышестоящую организацию (с изменениями в теле или без); все строки"
                    + " «вручную» должны быть заполнены. Повторное направление отклоняется")
    StatisticalReport submit(
            @PathVariable long id, @PathVariable int year, @RequestBody(required = false) ReportChanges changes) {
        return reports.submit(id, year, changes);
    }

    @PostMapping("/api/v1/organizations/{id}/statistical-reports/{year}/accept")
    @Operation(summary = "Принять направленный отчёт; только аппарату вышестоящей организации, куда он направлен")
    StatisticalReport accept(@PathVariable long id, @PathVariable int year) {
        return reports.accept(id, year);
    }

    @PostMapping("/api/v1/organizations/{id}/statistical-reports/{year}/return")
    @Operation(summary = "Вернуть направленный отчёт на доработку с обязательным комментарием")
    StatisticalReport returnForCorrection(@PathVariable long id, @PathVariable int year, @RequestBody ReturnBody body) {
        return reports.returnForCorrection(id, year, body == null ? null : body.comment());
    }

    @GetMapping("/api/v1/organizations/{id}/statistical-reports/{year}/children")
    @Operation(
            summary = "Дочерние организации со статусом их отчёта за год, постранично; status — ALL, NOT_SUBMITTED"
                    + " (не начат, черновик, возвращён), NOT_STARTED, DRAFT, RETURNED, SUBMITTED, ACCEPTED")
    Page<OrganizationReportStatus> children(
            @PathVariable long id,
            @PathVariable int year,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            PageRequest page) {
        return reports.children(id, year, StatusFilter.of(status), q, page);
    }

    @GetMapping("/api/v1/organizations/{id}/statistical-reports/{year}/subtree")
    @Operation(
            summary = "Организации одного вида во всём поддереве со статусом отчёта, постранично; по умолчанию"
                    + " первичные, не сдавшие отчёт (status=NOT_SUBMITTED)")
    Page<OrganizationReportStatus> subtree(
            @PathVariable long id,
            @PathVariable int year,
            @RequestParam(required = false) OrganizationKind kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            PageRequest page) {
        return reports.subtree(
                id, year, kind, status == null ? StatusFilter.NOT_SUBMITTED : StatusFilter.of(status), q, page);
    }
}
