package ru.profkom.portal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import ru.profkom.portal.Album;
import ru.profkom.portal.AlbumForm;
import ru.profkom.portal.AlbumPhoto;
import ru.profkom.portal.PhotoChange;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.OversizedUploads;

@RestController
@RequestMapping("/api/v1/organizations/{id}/albums")
@Tag(
        name = "Фотоальбомы",
        description = "Фотоальбомы организации для её публичной страницы: альбомы, фотографии, подписи, порядок, "
                + "обложка, публикация; для информационного работника, председателя и администраторов")
class AlbumApi {

    private final PortalAlbums albums;

    AlbumApi(PortalAlbums albums) {
        this.albums = albums;
    }

    @GetMapping
    @Operation(summary = "Альбомы организации, черновики тоже; сначала последние события")
    Page<Album> albums(@PathVariable long id, PageRequest page) {
        return albums.albums(id, page);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Создать альбом (черновик)",
            description =
                    "title — до 300 знаков, eventDate — дата события (не в будущем), description — до 4000 знаков")
    Album create(@PathVariable long id, @RequestBody AlbumForm form) {
        return albums.create(id, form);
    }

    @GetMapping("/{albumId}")
    @Operation(summary = "Альбом")
    Album album(@PathVariable long id, @PathVariable long albumId) {
        return albums.album(id, albumId);
    }

    @PutMapping("/{albumId}")
    @Operation(summary = "Изменить название, дату и описание (version — прочитанная версия)")
    Album update(@PathVariable long id, @PathVariable long albumId, @RequestBody AlbumForm form) {
        return albums.update(id, albumId, form);
    }

    @DeleteMapping("/{albumId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Удалить альбом со всеми фотографиями")
    void delete(@PathVariable long id, @PathVariable long albumId) {
        albums.delete(id, albumId);
    }

    @PostMapping("/{albumId}/publish")
    @Operation(summary = "Опубликовать на публичной странице (в альбоме должна быть хотя бы одна фотография)")
    Album publish(@PathVariable long id, @PathVariable long albumId) {
        return albums.publish(id, albumId);
    }

    @PostMapping("/{albumId}/unpublish")
    @Operation(summary = "Снять с публичной страницы")
    Album unpublish(@PathVariable long id, @PathVariable long albumId) {
        return albums.unpublish(id, albumId);
    }

    @GetMapping("/{albumId}/photos")
    @Operation(summary = "Фотографии альбома по порядку")
    Page<AlbumPhoto> photos(@PathVariable long id, @PathVariable long albumId, PageRequest page) {
        return albums.photos(id, albumId, page);
    }

    @PostMapping("/{albumId}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Добавить фотографии в конец альбома",
            description = "Несколько файлов в частях files, до 30 за раз и до 15 МБ каждый; только настоящие "
                    + "изображения (JPEG, PNG, GIF, BMP) до 40 мегапикселей. Если хоть один файл не принят, не "
                    + "сохраняется ни один, а ошибка называет каждый непринятый файл")
    List<AlbumPhoto> upload(
            @PathVariable long id,
            @PathVariable long albumId,
            @Parameter(description = "файлы фотографий") @RequestParam(required = false) List<MultipartFile> files,
            HttpServletRequest request) {
        albums.album(id, albumId);
        long declared = OversizedUploads.oversizedBytes(request);
        if (declared > 0) {
            throw ProfkomException.tooLarge("files", "album.photos.overLimit", AlbumPages.megabytes(declared));
        }
        return albums.addPhotos(id, albumId, AlbumPages.uploads(files));
    }

    @PutMapping("/{albumId}/photos/{photoId}")
    @Operation(
            summary = "Изменить фотографию",
            description = "caption — подпись (пустая убирает её), position — новое место с 1, cover: true — сделать "
                    + "обложкой альбома; незаданные поля не меняются")
    AlbumPhoto changePhoto(
            @PathVariable long id,
            @PathVariable long albumId,
            @PathVariable long photoId,
            @RequestBody PhotoChange change) {
        return albums.changePhoto(id, albumId, photoId, change);
    }

    @DeleteMapping("/{albumId}/photos/{photoId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Удалить фотографию")
    void removePhoto(@PathVariable long id, @PathVariable long albumId, @PathVariable long photoId) {
        albums.removePhoto(id, albumId, photoId);
    }
}
