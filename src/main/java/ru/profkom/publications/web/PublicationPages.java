package ru.profkom.publications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.organizations.OrganizationPageHeader;
import ru.profkom.organizations.Organizations;
import ru.profkom.publications.MemberFeed;
import ru.profkom.publications.Publication;
import ru.profkom.publications.PublicationSearch;
import ru.profkom.publications.PublicationStatus;
import ru.profkom.publications.PublicationSummary;
import ru.profkom.publications.Publications;
import ru.profkom.publications.RoutePurpose;
import ru.profkom.publications.Rubric;
import ru.profkom.publications.UpwardRoutes;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;
import ru.profkom.shared.web.XlsxExport;

/** The organization's "Публикации" tab, the editor, a publication's page, the member's feed and search. */
@Controller
class PublicationPages {

    private final Publications publications;
    private final UpwardRoutes routes;
    private final PublicationSearch search;
    private final MemberFeed memberFeed;
    private final OrganizationPageHeader header;
    private final Organizations organizations;
    private final Texts texts;
    private final FormRefusals refusals;
    private final Formats formats;

    PublicationPages(
            Publications publications,
            UpwardRoutes routes,
            PublicationSearch search,
            MemberFeed memberFeed,
            OrganizationPageHeader header,
            Organizations organizations,
            Texts texts,
            FormRefusals refusals,
            Formats formats) {
        this.publications = publications;
        this.routes = routes;
        this.search = search;
        this.memberFeed = memberFeed;
        this.header = header;
        this.organizations = organizations;
        this.texts = texts;
        this.refusals = refusals;
        this.formats = formats;
    }

    @GetMapping("/orgs/{id}/publications")
    String feed(
            @PathVariable long id,
            @RequestParam(required = false) PublicationStatus status,
            @RequestParam(required = false) Rubric rubric,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @Paged(size = 20) PageRequest page,
            Model model) {
        header.addTo(model, id, "publications");
        Page<PublicationSummary> feed =
                publications.feed(id, status == null ? Set.of() : Set.of(status), rubric, tag, q, page);
        model.addAttribute("feed", feed);
        if (organizations.canEdit(id)) {
            model.addAttribute(
                    "wayStates",
                    routes.wayStates(
                            id,
                            feed.items().stream().map(PublicationSummary::id).toList()));
        }
        model.addAttribute("statuses", PublicationStatus.values());
        model.addAttribute("rubrics", Rubric.values());
        model.addAttribute("status", status);
        model.addAttribute("rubric", rubric);
        model.addAttribute("tag", tag);
        model.addAttribute("q", q);
        model.addAttribute("filterQuery", filterQuery(status, rubric, tag, q));
        return "publications/feed";
    }

    @GetMapping("/orgs/{id}/publications.xlsx")
    void export(
            @PathVariable long id,
            @RequestParam(required = false) PublicationStatus status,
            @RequestParam(required = false) Rubric rubric,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        Set<PublicationStatus> statuses = status == null ? Set.of() : Set.of(status);
        Page<PublicationSummary> first =
                publications.feed(id, statuses, rubric, tag, q, new PageRequest(0, PageRequest.MAX_SIZE));
        XlsxExport.write(
                response,
                texts.text("publications.export.file") + ".xlsx",
                texts.text("publications.tab"),
                List.of(
                        texts.text("publication.field.title"),
                        texts.text("publication.field.rubric"),
                        texts.text("publication.field.tags"),
                        texts.text("publication.field.status"),
                        texts.text("publication.field.publishedAt"),
                        texts.text("publication.field.source")),
                rows -> {
                    Page<PublicationSummary> current = first;
                    while (true) {
                        for (PublicationSummary s : current.items()) {
                            rows.add(Arrays.asList(
                                    s.title(),
                                    s.rubric() == null
                                            ? null
                                            : texts.text(s.rubric().messageKey()),
                                    String.join(", ", s.tags()),
                                    texts.text(s.status().messageKey()),
                                    s.publishedAt() == null ? null : formats.dateTime(s.publishedAt()),
                                    s.sourceOrganizationName()));
                        }
                        if (!current.hasNext()) {
                            break;
                        }
                        current = publications.feed(
                                id,
                                statuses,
                                rubric,
                                tag,
                                q,
                                new PageRequest(current.page() + 1, PageRequest.MAX_SIZE));
                    }
                });
    }

    @GetMapping("/orgs/{id}/publications/new")
    String newForm(@PathVariable long id, Model model) {
        header.addTo(model, id, "publications");
        model.addAttribute("form", new PublicationForm());
        model.addAttribute("rubrics", Rubric.values());
        return "publications/editor";
    }

    @PostMapping("/orgs/{id}/publications")
    String create(
            @PathVariable long id,
            PublicationForm form,
            @RequestParam(name = "images", required = false) List<MultipartFile> images,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<Publications.PhotoUpload> photos = new java.util.ArrayList<>();
            for (MultipartFile image : images == null ? List.<MultipartFile>of() : images) {
                if (!image.isEmpty()) {
                    photos.add(new Publications.PhotoUpload(
                            image.getOriginalFilename(),
                            upload(image, ru.profkom.publications.Images.MAX_UPLOAD_BYTES, "image", "image.tooLarge")));
                }
            }
            Publication created = publications.create(id, form.toDraft(), photos);
            redirect.addFlashAttribute("flash", texts.text("publication.saved"));
            return "redirect:/publications/" + created.id();
        } catch (ProfkomException e) {
            refusals.show(model, e);
            header.addTo(model, id, "publications");
            model.addAttribute("form", form);
            model.addAttribute("rubrics", Rubric.values());
            return "publications/editor";
        }
    }

    @GetMapping("/publications/{publicationId}")
    String view(@PathVariable long publicationId, Model model) {
        Publication publication = publications.get(publicationId);
        // A published publication is public; its organization's tabs only for those who read the organization.
        if (organizations.canRead(publication.organizationId())) {
            header.addTo(model, publication.organizationId(), "publications");
        } else {
            model.addAttribute(
                    "organizationName",
                    organizations
                            .shortNames(List.of(publication.organizationId()))
                            .get(publication.organizationId()));
        }
        boolean editable = publications.canEdit(publication);
        model.addAttribute("publication", publication);
        model.addAttribute("editable", editable);
        model.addAttribute("trail", editable ? publications.trail(publicationId) : List.of());
        model.addAttribute("purposes", RoutePurpose.values());
        model.addAttribute("destinations", editable ? routes.destinations(publicationId) : List.of());
        return "publications/view";
    }

    @GetMapping("/publications/{publicationId}/edit")
    String edit(@PathVariable long publicationId, Model model) {
        Publication publication = publications.get(publicationId);
        header.addTo(model, publication.organizationId(), "publications");
        if (!publications.canEdit(publication)) {
            throw ProfkomException.forbidden("access.denied");
        }
        model.addAttribute("publication", publication);
        model.addAttribute("form", PublicationForm.of(publication));
        model.addAttribute("rubrics", Rubric.values());
        return "publications/editor";
    }

    @PostMapping("/publications/{publicationId}")
    String update(@PathVariable long publicationId, PublicationForm form, Model model, RedirectAttributes redirect) {
        try {
            publications.update(publicationId, form.toDraft());
            redirect.addFlashAttribute("flash", texts.text("publication.saved"));
            return "redirect:/publications/" + publicationId;
        } catch (ProfkomException e) {
            refusals.show(model, e);
            Publication publication = publications.get(publicationId);
            header.addTo(model, publication.organizationId(), "publications");
            model.addAttribute("publication", publication);
            model.addAttribute("form", form);
            model.addAttribute("rubrics", Rubric.values());
            return "publications/editor";
        }
    }

    @PostMapping("/publications/{publicationId}/publish")
    String publish(@PathVariable long publicationId, RedirectAttributes redirect) {
        return act(publicationId, redirect, "publication.publishedNow", () -> publications.publish(publicationId));
    }

    @PostMapping("/publications/{publicationId}/unpublish")
    String unpublish(@PathVariable long publicationId, RedirectAttributes redirect) {
        return act(publicationId, redirect, "publication.unpublishedNow", () -> publications.unpublish(publicationId));
    }

    @PostMapping("/publications/{publicationId}/images")
    String addImage(
            @PathVariable long publicationId, @RequestParam("image") MultipartFile image, RedirectAttributes redirect) {
        return act(
                publicationId,
                redirect,
                "publication.imageAdded",
                () -> publications.addImage(
                        publicationId,
                        image.getOriginalFilename(),
                        upload(image, ru.profkom.publications.Images.MAX_UPLOAD_BYTES, "image", "image.tooLarge")));
    }

    @PostMapping("/publications/{publicationId}/images/{imageId}/delete")
    String removeImage(@PathVariable long publicationId, @PathVariable long imageId, RedirectAttributes redirect) {
        return act(
                publicationId,
                redirect,
                "publication.imageRemoved",
                () -> publications.removeImage(publicationId, imageId));
    }

    @PostMapping("/publications/{publicationId}/attachments")
    String addAttachment(
            @PathVariable long publicationId, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return act(
                publicationId,
                redirect,
                "publication.attachmentAdded",
                () -> publications.addAttachment(
                        publicationId,
                        file.getOriginalFilename(),
                        upload(
                                file,
                                ru.profkom.publications.Images.MAX_ATTACHMENT_BYTES,
                                "file",
                                "attachment.tooLarge")));
    }

    private static byte[] upload(MultipartFile file, int max, String field, String tooLargeKey) {
        try {
            return PublicationApi.bytes(file, max, field, tooLargeKey);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PostMapping("/publications/{publicationId}/attachments/{attachmentId}/delete")
    String removeAttachment(
            @PathVariable long publicationId, @PathVariable long attachmentId, RedirectAttributes redirect) {
        return act(
                publicationId,
                redirect,
                "publication.attachmentRemoved",
                () -> publications.removeAttachment(publicationId, attachmentId));
    }

    @PostMapping("/publications/{publicationId}/send")
    String send(
            @PathVariable long publicationId,
            @RequestParam(defaultValue = "NEWS") RoutePurpose purpose,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long destination,
            RedirectAttributes redirect) {
        return act(publicationId, redirect, "route.sent", () -> routes.send(publicationId, purpose, note, destination));
    }

    @GetMapping("/cabinet/feed")
    String memberFeed(@RequestParam(required = false) Rubric rubric, @Paged(size = 20) PageRequest page, Model model) {
        model.addAttribute("feed", memberFeed.feed(rubric, page));
        model.addAttribute("rubrics", Rubric.values());
        model.addAttribute("rubric", rubric);
        model.addAttribute("filterQuery", rubric == null ? "" : "rubric=" + rubric.name());
        return "publications/member-feed";
    }

    @GetMapping("/publications/search")
    String search(@RequestParam(required = false) String q, @Paged(size = 20) PageRequest page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute(
                "results",
                q == null || q.isBlank() ? new Page<PublicationSummary>(List.of(), 0, 20, 0) : search.search(q, page));
        return "publications/search";
    }

    private String act(long publicationId, RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            if (doneKey != null) {
                redirect.addFlashAttribute("flash", texts.text(doneKey));
            }
        } catch (ProfkomException e) {
            refusals.flash(redirect, "formErrors", e);
        }
        return "redirect:/publications/" + publicationId;
    }

    static String filterQuery(PublicationStatus status, Rubric rubric, String tag, String q) {
        StringBuilder query = new StringBuilder();
        append(query, "status", status == null ? null : status.name());
        append(query, "rubric", rubric == null ? null : rubric.name());
        append(query, "tag", tag);
        append(query, "q", q);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name)
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
}
