package ru.profkom.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.portal.Album;
import ru.profkom.portal.AlbumForm;
import ru.profkom.portal.PhotoChange;
import ru.profkom.portal.PhotoUpload;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.portal.PortalSites;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.OversizedUploads;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/**
 * The organization's photo albums for its staff, reached from the tabs «Сайт» and «Публикации»: the list,
 * an album with its photos (upload several at once, captions, order, cover, delete) and publishing.
 */
@Controller
class AlbumPages {

    static final int ALBUMS_PAGE = 20;
    static final int PHOTOS_PAGE = 48;

    private final PortalAlbums albums;
    private final PortalSites sites;
    private final OrganizationPageHeader header;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;

    AlbumPages(
            PortalAlbums albums,
            PortalSites sites,
            OrganizationPageHeader header,
            Texts texts,
            FormRefusals refusals,
            Formats formats) {
        this.albums = albums;
        this.sites = sites;
        this.header = header;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
    }

    @GetMapping("/orgs/{id}/albums")
    String list(@PathVariable long id, @Paged(size = ALBUMS_PAGE) PageRequest page, Model model) {
        return listPage(model, id, page, new AlbumFields());
    }

    @GetMapping("/orgs/{id}/albums.xlsx")
    void export(@PathVariable long id, HttpServletResponse response) throws IOException {
        // The first page checks access before the download starts.
        Page<Album> first = albums.albums(id, new PageRequest(0, PageRequest.MAX_SIZE));
        XlsxExport.write(
                response,
                texts.text("album.export.file") + ".xlsx",
                texts.text("album.list"),
                List.of(
                        texts.text("album.field.title"),
                        texts.text("album.field.eventDate"),
                        texts.text("album.field.photos"),
                        texts.text("album.field.status"),
                        texts.text("album.field.publishedAt")),
                rows -> {
                    Page<Album> current = first;
                    while (true) {
                        for (Album album : current.items()) {
                            rows.add(Arrays.asList(
                                    album.title(),
                                    album.eventDate() == null ? null : formats.date(album.eventDate()),
                                    album.photoCount(),
                                    texts.text(album.published() ? "album.status.published" : "album.status.draft"),
                                    album.publishedAt() == null ? null : formats.dateTime(album.publishedAt())));
                        }
                        if (!current.hasNext()) {
                            break;
                        }
                        current = albums.albums(id, new PageRequest(current.page() + 1, PageRequest.MAX_SIZE));
                    }
                });
    }

    @PostMapping("/orgs/{id}/albums")
    String create(@PathVariable long id, @ModelAttribute AlbumFields form, Model model, RedirectAttributes redirect) {
        try {
            Album album = albums.create(id, form.toForm());
            redirect.addFlashAttribute("flash", texts.text("album.created"));
            return "redirect:/orgs/" + id + "/albums/" + album.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return listPage(model, id, new PageRequest(0, ALBUMS_PAGE), form);
        }
    }

    @GetMapping("/orgs/{id}/albums/{albumId}")
    String album(
            @PathVariable long id,
            @PathVariable long albumId,
            @Paged(size = PHOTOS_PAGE) PageRequest page,
            Model model) {
        Album album = albums.album(id, albumId);
        return albumPage(model, id, album, AlbumFields.of(album, formats), page);
    }

    @PostMapping("/orgs/{id}/albums/{albumId}")
    String update(
            @PathVariable long id,
            @PathVariable long albumId,
            @ModelAttribute AlbumFields form,
            Model model,
            RedirectAttributes redirect) {
        try {
            albums.update(id, albumId, form.toForm());
            redirect.addFlashAttribute("flash", texts.text("album.saved"));
            return "redirect:/orgs/" + id + "/albums/" + albumId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            return albumPage(model, id, albums.album(id, albumId), form, new PageRequest(0, PHOTOS_PAGE));
        }
    }

    /**
     * Uploads several photos at once. The form carries its CSRF token in its address: a body over the
     * container's limit is never parsed ({@link OversizedUploads}) and is refused here with its size.
     */
    @PostMapping("/orgs/{id}/albums/{albumId}/photos")
    String upload(
            @PathVariable long id,
            @PathVariable long albumId,
            @RequestParam(required = false) List<MultipartFile> photos,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(id, albumId, redirect, "album.photos.added", () -> {
            // Access first: a stranger learns nothing about the limits from the refusal.
            albums.album(id, albumId);
            long declared = OversizedUploads.oversizedBytes(request);
            if (declared > 0) {
                throw ProfkomException.tooLarge("photos", "album.photos.overLimit", megabytes(declared));
            }
            albums.addPhotos(id, albumId, uploads(photos));
        });
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/publish")
    String publish(@PathVariable long id, @PathVariable long albumId, RedirectAttributes redirect) {
        return act(id, albumId, redirect, "album.publishedNow", () -> albums.publish(id, albumId));
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/unpublish")
    String unpublish(@PathVariable long id, @PathVariable long albumId, RedirectAttributes redirect) {
        return act(id, albumId, redirect, "album.unpublishedNow", () -> albums.unpublish(id, albumId));
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/delete")
    String delete(@PathVariable long id, @PathVariable long albumId, RedirectAttributes redirect) {
        albums.delete(id, albumId);
        redirect.addFlashAttribute("flash", texts.text("album.deleted"));
        return "redirect:/orgs/" + id + "/albums";
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/photos/{photoId}")
    String caption(
            @PathVariable long id,
            @PathVariable long albumId,
            @PathVariable long photoId,
            @RequestParam(defaultValue = "") String caption,
            @Paged(size = PHOTOS_PAGE) PageRequest page,
            RedirectAttributes redirect) {
        return changePhoto(
                id, albumId, photoId, new PhotoChange(caption, null, null), page.page(), "album.photo.saved", redirect);
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/photos/{photoId}/move")
    String move(
            @PathVariable long id,
            @PathVariable long albumId,
            @PathVariable long photoId,
            @RequestParam int position,
            RedirectAttributes redirect) {
        // The page the photo moves to.
        int page = (position - 1) / PHOTOS_PAGE;
        return changePhoto(id, albumId, photoId, new PhotoChange(null, position, null), page, null, redirect);
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/photos/{photoId}/cover")
    String cover(
            @PathVariable long id,
            @PathVariable long albumId,
            @PathVariable long photoId,
            @Paged(size = PHOTOS_PAGE) PageRequest page,
            RedirectAttributes redirect) {
        return changePhoto(
                id, albumId, photoId, new PhotoChange(null, null, true), page.page(), "album.cover.chosen", redirect);
    }

    @PostMapping("/orgs/{id}/albums/{albumId}/photos/{photoId}/delete")
    String removePhoto(
            @PathVariable long id,
            @PathVariable long albumId,
            @PathVariable long photoId,
            @Paged(size = PHOTOS_PAGE) PageRequest page,
            RedirectAttributes redirect) {
        act(id, albumId, redirect, "album.photo.removed", () -> albums.removePhoto(id, albumId, photoId));
        return "redirect:/orgs/" + id + "/albums/" + albumId + "?page=" + page.page() + "#photos-list";
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String listPage(Model model, long id, PageRequest page, AlbumFields form) {
        // The albums' check first: only the organization's editors see its albums; the header after it.
        model.addAttribute("albums", albums.albums(id, page));
        header.addTo(model, id, "site");
        model.addAttribute("form", form);
        model.addAttribute("site", sites.site(id).orElse(null));
        return "portal/albums";
    }

    private String albumPage(Model model, long id, Album album, AlbumFields form, PageRequest page) {
        model.addAttribute("photos", albums.photos(id, album.id(), page));
        header.addTo(model, id, "site");
        model.addAttribute("album", album);
        model.addAttribute("form", form);
        model.addAttribute("site", sites.site(id).orElse(null));
        model.addAttribute("maxFiles", PortalAlbums.MAX_FILES);
        return "portal/album";
    }

    private String act(long id, long albumId, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            if (doneKey != null) {
                redirect.addFlashAttribute("flash", texts.text(doneKey));
            }
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/orgs/" + id + "/albums/" + albumId;
    }

    /** Changes a photo and returns to it on its page of the album. */
    private String changePhoto(
            long id,
            long albumId,
            long photoId,
            PhotoChange change,
            int page,
            String doneKey,
            RedirectAttributes redirect) {
        act(id, albumId, redirect, doneKey, () -> albums.changePhoto(id, albumId, photoId, change));
        return "redirect:/orgs/" + id + "/albums/" + albumId + "?page=" + Math.max(page, 0) + "#photo-" + photoId;
    }

    static List<PhotoUpload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream()
                .map(file -> new PhotoUpload(file.getOriginalFilename(), file.getSize(), () -> {
                    try {
                        return file.getBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .toList();
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0)
                .replace('.', ',');
    }

    /** The album form as posted; the date as written, dd.MM.yyyy. */
    public static class AlbumFields {
        private String title;
        private String eventDate;
        private String description;
        private Integer version;

        static AlbumFields of(Album album, Formats formats) {
            AlbumFields fields = new AlbumFields();
            fields.title = album.title();
            fields.eventDate = album.eventDate() == null ? null : formats.date(album.eventDate());
            fields.description = album.description();
            fields.version = album.version();
            return fields;
        }

        AlbumForm toForm() {
            LocalDate date = null;
            if (eventDate != null && !eventDate.isBlank()) {
                date = Formats.parseDate(eventDate)
                        .orElseThrow(() -> ProfkomException.invalid("eventDate", "validation.date"));
            }
            return new AlbumForm(title, date, description, version);
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String value) {
            title = value;
        }

        public String getEventDate() {
            return eventDate;
        }

        public void setEventDate(String value) {
            eventDate = value;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String value) {
            description = value;
        }

        public Integer getVersion() {
            return version;
        }

        public void setVersion(Integer value) {
            version = value;
        }
    }
}
