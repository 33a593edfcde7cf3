package ru.profkom.publications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.profkom.publications.AttachmentRef;
import ru.profkom.publications.Images;
import ru.profkom.publications.InfoPackage;
import ru.profkom.publications.InfoPackageDraft;
import ru.profkom.publications.InfoPackages;
import ru.profkom.publications.Publication;
import ru.profkom.publications.Receipt;
import ru.profkom.publications.Route;
import ru.profkom.publications.RouteJourney;
import ru.profkom.publications.RouteStatus;
import ru.profkom.publications.UpwardRoutes;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Обмен информацией", description = "Публикации снизу вверх и информационные пакеты сверху вниз")
class InboxApi {

    private final UpwardRoutes routes;
    private final InfoPackages packages;

    InboxApi(UpwardRoutes routes, InfoPackages packages) {
        this.routes = routes;
        this.packages = packages;
    }

    record Comment(String comment) {}

    @GetMapping("/organizations/{id}/incoming")
    @Operation(summary = "Публикации, направленные организации снизу")
    Page<Route> incoming(@PathVariable long id, @RequestParam(required = false) RouteStatus status, PageRequest page) {
        return routes.incoming(id, status == null ? Set.of() : Set.of(status), page);
    }

    @GetMapping("/organizations/{id}/outgoing")
    @Operation(
            summary = "Публикации, направленные организацией наверх, с тем, где каждая сейчас: последний шаг пути"
                    + " (например, возвращена областной организацией с комментарием и именем вернувшего)")
    Page<RouteJourney> outgoing(@PathVariable long id, PageRequest page) {
        return routes.journeys(id, page);
    }

    @GetMapping("/organizations/{id}/passing")
    @Operation(summary = "Публикации снизу, направленные сразу выше организации: видны ей без права решения")
    Page<Route> passing(@PathVariable long id, PageRequest page) {
        return routes.passingThrough(id, page);
    }

    @PostMapping("/routes/{routeId}/republish")
    @Operation(summary = "Опубликовать у себя со ссылкой на источник («по материалам …»)")
    Publication republish(@PathVariable long routeId) {
        return routes.republish(routeId);
    }

    @PostMapping("/routes/{routeId}/forward")
    @Operation(summary = "Передать в вышестоящую организацию")
    Route forward(@PathVariable long routeId, @RequestBody(required = false) Comment note) {
        return routes.forward(routeId, note == null ? null : note.comment());
    }

    @PostMapping("/routes/{routeId}/return")
    @Operation(summary = "Вернуть отправителю с обязательным комментарием")
    Route returnToSender(@PathVariable long routeId, @RequestBody(required = false) Comment comment) {
        return routes.returnToSender(routeId, comment == null ? null : comment.comment());
    }

    @PostMapping("/organizations/{id}/packages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Отправить информационный пакет подчинённым организациям (всем или выбранных видов)")
    InfoPackage send(@PathVariable long id, @RequestBody InfoPackageDraft draft) {
        return packages.send(id, draft);
    }

    @GetMapping("/organizations/{id}/packages/received")
    @Operation(summary = "Полученные пакеты; opened=false — ещё не открытые")
    Page<InfoPackage> received(
            @PathVariable long id, @RequestParam(required = false) Boolean opened, PageRequest page) {
        return packages.inbox(id, opened, page);
    }

    @GetMapping("/organizations/{id}/packages/sent")
    @Operation(summary = "Отправленные пакеты со счётчиком открывших")
    Page<InfoPackage> sent(@PathVariable long id, PageRequest page) {
        return packages.sent(id, page);
    }

    @PostMapping("/packages/{packageId}/open")
    @Operation(summary = "Открыть пакет; первое открытие организацией-получателем записывается")
    InfoPackage open(@PathVariable long packageId) {
        return packages.open(packageId);
    }

    @PostMapping("/packages/{packageId}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Приложить файл к пакету (до 20 МБ)")
    AttachmentRef addAttachment(@PathVariable long packageId, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        return packages.addAttachment(
                packageId,
                PublicationApi.name(file),
                PublicationApi.bytes(file, Images.MAX_ATTACHMENT_BYTES, "file", "attachment.tooLarge"));
    }

    @GetMapping("/packages/{packageId}/receipts")
    @Operation(summary = "Кто открыл пакет: когда и кем впервые; opened=false — не открывшие")
    Page<Receipt> receipts(
            @PathVariable long packageId, @RequestParam(required = false) Boolean opened, PageRequest page) {
        return packages.receipts(packageId, opened, page);
    }

    @PostMapping("/packages/{packageId}/remind")
    @Operation(summary = "Напомнить не открывшим (информационным работникам и председателям), не чаще раза в сутки")
    int remind(@PathVariable long packageId) {
        return packages.remind(packageId);
    }
}
