package ru.profkom.members.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import ru.profkom.members.activists.ActivistSubmission;
import ru.profkom.members.activists.ActivistSubmissionRow;
import ru.profkom.members.activists.ActivistSubmissions;
import ru.profkom.members.activists.ActivistSubmissions.State;
import ru.profkom.members.activists.SubmissionStatus;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "База актива",
        description = "Ежегодное направление базы контактов актива в вышестоящую организацию: неизменяемые"
                + " датированные снимки с версиями")
class ActivistSubmissionApi {

    private final ActivistSubmissions submissions;

    ActivistSubmissionApi(ActivistSubmissions submissions) {
        this.submissions = submissions;
    }

    record SubmitRequest(Integer year) {}

    @PostMapping("/organizations/{id}/activist-snapshots")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Направить базу актива первичной организации за год",
            description = "Сохраняет снимок актива на сегодня; повторная отправка того же года — новая версия."
                    + " Без года — текущий год.")
    ActivistSubmission submit(@PathVariable long id, @RequestBody(required = false) SubmitRequest request) {
        Integer year = request == null ? null : request.year();
        return submissions.submit(id, year == null ? submissions.currentYear() : year);
    }

    @GetMapping("/organizations/{id}/activist-snapshots")
    @Operation(
            summary = "Первичные организации поддерева и их последняя база актива за год",
            description = "state: ALL, SUBMITTED (направили) или MISSING (не направили); q — название или код")
    Page<SubmissionStatus> statuses(
            @PathVariable long id,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            PageRequest page) {
        return submissions.statuses(id, year == null ? submissions.currentYear() : year, q, State.of(state), page);
    }

    @GetMapping("/organizations/{id}/activist-snapshots/versions")
    @Operation(summary = "Версии базы актива, направленные организацией за год, новые первыми")
    List<ActivistSubmission> versions(@PathVariable long id, @RequestParam(required = false) Integer year) {
        return submissions.versions(id, year == null ? submissions.currentYear() : year);
    }

    @GetMapping("/activist-snapshots/{snapshotId}")
    @Operation(summary = "Направленная база актива: организация, год, версия, кто и когда направил")
    ActivistSubmission get(@PathVariable long snapshotId) {
        return submissions.get(snapshotId);
    }

    @GetMapping("/activist-snapshots/{snapshotId}/rows")
    @Operation(summary = "Строки направленной базы актива такими, какими они были при отправке (чтение в журнале)")
    Page<ActivistSubmissionRow> rows(@PathVariable long snapshotId, PageRequest page) {
        return submissions.rows(snapshotId, page);
    }
}
