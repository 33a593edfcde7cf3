package ru.profkom.publications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import ru.profkom.publications.AttachmentRef;
import ru.profkom.publications.ImageRef;
import ru.profkom.publications.Images;
import ru.profkom.publications.MemberFeed;
import ru.profkom.publications.Publication;
import ru.profkom.publications.PublicationDraft;
import ru.profkom.publications.PublicationSearch;
import ru.profkom.publications.PublicationStatus;
import ru.profkom.publications.PublicationSummary;
import ru.profkom.publications.Publications;
import ru.profkom.publications.Route;
import ru.profkom.publications.RoutePurpose;
import ru.profkom.publications.Rubric;
import ru.profkom.publications.UpwardRoutes;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.Paged;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Публикации", description = "Новости и материалы организаций: черновики, публикация, фото, файлы, поиск")
class PublicationApi {

    private final Publications publications;
    private final UpwardRoutes routes;
    private final PublicationSearch search;
    private final MemberFeed memberFeed;

    PublicationApi(Publications publications, UpwardRoutes routes, PublicationSearch search, MemberFeed memberFeed) {
        this.publications = publications;
        this.routes = routes;
        this.search = search;
        this.memberFeed = memberFeed;
    }

    record SendRequest(RoutePurpose purpose, String note, Long destinationOrganizationId) {}

    @GetMapping("/organizations/{id}/publications")
    @Operation(summary = "Лента организации: опубликованные; редакторам организации — с черновиками и снятыми")
    Page<PublicationSummary> feed(
            @PathVariable long id,
            @RequestParam(required = false) PublicationStatus status,
            @RequestParam(required = false) Rubric rubric,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String title,
            PageRequest page) {
        return publications.feed(id, status == null ? Set.of() : Set.of(status), rubric, tag, title, page);
    }

    @PostMapping("/organizations/{id}/publications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Создать черновик; HTML текста очищается на сервере")
    Publication create(@PathVariable long id, @RequestBody PublicationDraft draft) {
        return publications.create(id, draft);
    }

    @GetMapping("/publications/{publicationId}")
    @Operation(summary = "Публикация: опубликованная — всем, черновик — редакторам её организации")
    Publication get(@PathVariable long publicationId) {
        return publications.get(publicationId);
    }

    @PutMapping("/publications/{publicationId}")
    @Operation(summary = "Изменить публикацию (version — для защиты от одновременной правки)")
    Publication update(@PathVariable long publicationId, @RequestBody PublicationDraft draft) {
        return publications.update(publicationId, draft);
    }

    @PostMapping("/publications/{publicationId}/publish")
    @Operation(summary = "Опубликовать в ленте организации")
    Publication publish(@PathVariable long publicationId) {
        return publications.publish(publicationId);
    }

    @PostMapping("/publications/{publicationId}/unpublish")
    @Operation(summary = "Снять с публикации")
    Publication unpublish(@PathVariable long publicationId) {
        return publications.unpublish(publicationId);
    }

    @PostMapping("/publications/{publicationId}/images")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Добавить фотографию: только настоящие изображения, до 15 МБ и 40 мегапикселей")
    ImageRef addImage(@PathVariable long publicationId, @RequestParam(required = false) MultipartFile image)
            throws IOException {
        return publications.addImage(
                publicationId, name(image), bytes(image, Images.MAX_UPLOAD_BYTES, "image", "image.tooLarge"));
    }

    @PostMapping("/publications/{publicationId}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Приложить файл до 20 МБ; имя файла очищается")
    AttachmentRef addAttachment(@PathVariable long publicationId, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        return publications.addAttachment(
                publicationId, name(file), bytes(file, Images.MAX_ATTACHMENT_BYTES, "file", "attachment.tooLarge"));
    }

    @PostMapping("/publications/{publicationId}/send-upward")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Направить в вышестоящую организацию (по умолчанию в родительскую, или сразу в любую выше:"
                    + " destinationOrganizationId) как новость (NEWS) или запрос поддержки (SUPPORT)")
    Route send(@PathVariable long publicationId, @RequestBody SendRequest request) {
        return routes.send(publicationId, request.purpose(), request.note(), request.destinationOrganizationId());
    }

    @GetMapping("/publications/{publicationId}/trail")
    @Operation(summary = "Где публикация: шаги пути наверх с решениями")
    List<Route> trail(@PathVariable long publicationId) {
        return publications.trail(publicationId);
    }

    @GetMapping("/publications/search")
    @Operation(summary = "Полнотекстовый поиск по-русски: опубликованные и черновики организаций, которые вы ведёте")
    Page<PublicationSummary> search(
            @RequestParam(required = false) String q, @Paged(size = 20, sizeFromRequest = true) PageRequest page) {
        return search.search(q, page);
    }

    @GetMapping("/cabinet/feed")
    @Operation(summary = "Лента члена профсоюза: его первичная организация и все вышестоящие")
    Page<PublicationSummary> memberFeed(@RequestParam(required = false) Rubric rubric, PageRequest page) {
        return memberFeed.feed(rubric, page);
    }

    static String name(MultipartFile file) {
        return file == null ? null : file.getOriginalFilename();
    }

    /** The upload's bytes, refusing an oversized one before reading it into memory. */
    static byte[] bytes(MultipartFile file, int max, String field, String tooLargeKey) throws IOException {
        if (file == null) {
            return new byte[0];
        }
        if (file.getSize() > max) {
            throw ProfkomException.invalid(field, tooLargeKey, max / 1024 / 1024);
        }
        return file.getBytes();
    }
}
