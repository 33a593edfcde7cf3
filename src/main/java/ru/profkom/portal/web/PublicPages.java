package ru.profkom.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.profkom.members.PersonData;
import ru.profkom.portal.Album;
import ru.profkom.portal.NewsArticle;
import ru.profkom.portal.NewsItem;
import ru.profkom.portal.PortalAlbums;
import ru.profkom.portal.PortalSites;
import ru.profkom.portal.PortalSites.DocumentContent;
import ru.profkom.portal.PublicSite;
import ru.profkom.portal.Site;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.web.FormRefusals;
import ru.profkom.shared.web.Formats;
import ru.profkom.shared.web.Paged;
import ru.profkom.shared.web.Texts;

/**
 * The public pages of organizations at the addresses they chose ({@code /{slug}}), open to everyone.
 * Literal routes of the application win over the address pattern, and an address can never be one of
 * their first segments ({@code Slugs.RESERVED}).
 *
 * <p>Long because every public page kind shares what is here: the site's lookup by address, the kept pages and
 * leaders, the caching headers and the 404 of an address that is not (or no longer) published; the forms' rules
 * are in the portal module, the rendering in the templates.
 */
@Controller
class PublicPages {

    static final String SLUG = "{slug:[a-z0-9][a-z0-9-]{1,58}[a-z0-9]}";
    static final String JOIN = "join";
    static final String FEEDBACK = "feedback";
    static final int NEWS_PAGE = 20;
    static final int HOME_NEWS = 5;
    static final String ALBUMS = "albums";
    static final int ALBUMS_PAGE = 12;
    static final int HOME_ALBUMS = 4;
    static final int PHOTOS_PAGE = 48;
    static final int SITEMAP_LIMIT = 50_000;
    static final int FEED_ITEMS = 20;

    private final PortalSites sites;
    private final PortalAlbums albums;
    private final SpamGuard spamGuard;
    private final Texts texts;
    private final FormRefusals refusals;
    private final PublicAddress publicAddress;

    PublicPages(
            PortalSites sites,
            PortalAlbums albums,
            SpamGuard spamGuard,
            Texts texts,
            FormRefusals refusals,
            PublicAddress publicAddress) {
        this.sites = sites;
        this.albums = albums;
        this.spamGuard = spamGuard;
        this.texts = texts;
        this.refusals = refusals;
        this.publicAddress = publicAddress;
    }

    @GetMapping("/" + SLUG)
    String home(@PathVariable String slug, Model model) {
        PublicSite site = addSite(model, slug, "home");
        model.addAttribute("leaders", sites.leaders(site));
        model.addAttribute("news", sites.news(site, PageRequest.of(0, HOME_NEWS)));
        model.addAttribute("documents", sites.publicDocuments(site));
        model.addAttribute(ALBUMS, albums.publicAlbums(site, PageRequest.of(0, HOME_ALBUMS)));
        return "portal/home";
    }

    @GetMapping("/" + SLUG + "/join")
    String joinForm(@PathVariable String slug, Model model) {
        return joinPage(model, addSite(model, slug, JOIN), new JoinForm());
    }

    @PostMapping("/" + SLUG + "/join")
    String join(
            @PathVariable String slug,
            @ModelAttribute JoinForm form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        PublicSite site = addSite(model, slug, JOIN);
        SpamGuard.Verdict verdict =
                spamGuard.check(JOIN + ":" + slug, form.getIssued(), form.getWebsite(), request.getRemoteAddr());
        if (verdict == SpamGuard.Verdict.HUMAN) {
            LocalDate birthDate = Formats.parseDate(form.getBirthDate()).orElse(null);
            try {
                if (birthDate == null
                        && form.getBirthDate() != null
                        && !form.getBirthDate().isBlank()) {
                    throw ProfkomException.invalid("birthDate", "validation.date");
                }
                sites.applyToJoin(site, form.person(birthDate), form.isConsent());
            } catch (ProfkomException e) {
                refusals.show(model, e);
                return joinPage(model, site, form);
            }
        } else if (verdict != SpamGuard.Verdict.ROBOT) {
            model.addAttribute("formErrors", java.util.List.of(texts.text(verdict.messageKey())));
            return joinPage(model, site, form);
        }
        redirect.addFlashAttribute("flash", texts.text("portal.join.received"));
        return "redirect:/" + slug;
    }

    @GetMapping("/" + SLUG + "/feedback")
    String feedbackForm(@PathVariable String slug, Model model) {
        return feedbackPage(model, addSite(model, slug, FEEDBACK), new FeedbackForm());
    }

    @PostMapping("/" + SLUG + "/feedback")
    String feedback(
            @PathVariable String slug,
            @ModelAttribute FeedbackForm form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        PublicSite site = addSite(model, slug, FEEDBACK);
        SpamGuard.Verdict verdict =
                spamGuard.check(FEEDBACK + ":" + slug, form.getIssued(), form.getWebsite(), request.getRemoteAddr());
        if (verdict == SpamGuard.Verdict.HUMAN) {
            try {
                sites.sendFeedback(site, form.getAuthorName(), form.getContact(), form.getMessage());
            } catch (ProfkomException e) {
                refusals.show(model, e);
                return feedbackPage(model, site, form);
            }
        } else if (verdict != SpamGuard.Verdict.ROBOT) {
            model.addAttribute("formErrors", java.util.List.of(texts.text(verdict.messageKey())));
            return feedbackPage(model, site, form);
        }
        redirect.addFlashAttribute("flash", texts.text("portal.feedback.received"));
        return "redirect:/" + slug;
    }

    @GetMapping("/" + SLUG + "/news")
    String news(@PathVariable String slug, @Paged(size = NEWS_PAGE) PageRequest page, Model model) {
        PublicSite site = addSite(model, slug, "news");
        model.addAttribute("news", sites.news(site, page));
        return "portal/news";
    }

    @GetMapping("/" + SLUG + "/news/{publicationId}")
    String article(@PathVariable String slug, @PathVariable long publicationId, Model model) {
        PublicSite site = addSite(model, slug, "news");
        NewsArticle article =
                sites.article(site, publicationId).orElseThrow(() -> ProfkomException.notFound("portal.notFound"));
        model.addAttribute("article", article);
        if (!article.imageUrls().isEmpty()) {
            model.addAttribute("ogImage", baseUrl() + article.imageUrls().getFirst());
        }
        model.addAttribute("pageUrl", baseUrl() + "/" + slug + "/news/" + publicationId);
        model.addAttribute(
                "description",
                article.item().summary() == null
                        ? site.fullName()
                        : article.item().summary());
        return "portal/article";
    }

    @GetMapping("/" + SLUG + "/albums")
    String albums(@PathVariable String slug, @Paged(size = ALBUMS_PAGE) PageRequest page, Model model) {
        PublicSite site = addSite(model, slug, ALBUMS);
        Page<Album> found = albums.publicAlbums(site, page);
        model.addAttribute(ALBUMS, found);
        found.items().stream()
                .map(Album::coverUrl)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(cover -> model.addAttribute("ogImage", baseUrl() + cover));
        return "portal/gallery";
    }

    @GetMapping("/" + SLUG + "/albums/{albumId}")
    String album(
            @PathVariable String slug,
            @PathVariable long albumId,
            @Paged(size = PHOTOS_PAGE) PageRequest page,
            Model model) {
        PublicSite site = addSite(model, slug, ALBUMS);
        Album album = albums.publicAlbum(site, albumId).orElseThrow(() -> ProfkomException.notFound("portal.notFound"));
        model.addAttribute("album", album);
        model.addAttribute("photos", albums.publicPhotos(album, page));
        model.addAttribute("pageUrl", baseUrl() + "/" + slug + "/albums/" + albumId);
        if (album.coverUrl() != null) {
            model.addAttribute("ogImage", baseUrl() + album.coverUrl());
        }
        if (album.description() != null) {
            model.addAttribute("description", flatten(album.description()));
        }
        return "portal/gallery-album";
    }

    /** What the Atom and the RSS feed of a page say: its latest news and when the newest appeared. */
    private record Feed(PublicSite site, String home, Page<NewsItem> news, Instant updated) {}

    private Feed feedOf(String slug) {
        PublicSite site = site(slug);
        Page<NewsItem> news = sites.news(site, PageRequest.of(0, FEED_ITEMS));
        Instant updated = news.items().stream()
                .map(NewsItem::publishedAt)
                .max(Instant::compareTo)
                .orElse(site.site().updatedAt());
        return new Feed(site, baseUrl() + "/" + slug, news, updated);
    }

    /** The organization's news as an Atom feed, for readers and for other sites. */
    @GetMapping(value = "/" + SLUG + "/feed.xml", produces = "application/atom+xml;charset=UTF-8")
    @ResponseBody
    String feed(@PathVariable String slug) {
        Feed feed = feedOf(slug);
        PublicSite site = feed.site();
        String home = feed.home();
        Page<NewsItem> news = feed.news();
        Instant updated = feed.updated();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
                .append("<title>")
                .append(Xml.escape(site.shortName()))
                .append("</title>\n")
                .append("<id>")
                .append(Xml.escape(home))
                .append("</id>\n")
                .append("<link rel=\"alternate\" href=\"")
                .append(Xml.escape(home))
                .append("\"/>\n")
                .append("<link rel=\"self\" href=\"")
                .append(Xml.escape(home + "/feed.xml"))
                .append("\"/>\n")
                .append("<updated>")
                .append(updated)
                .append("</updated>\n");
        for (NewsItem item : news.items()) {
            String link = home + "/news/" + item.id();
            xml.append("<entry><title>")
                    .append(Xml.escape(item.title()))
                    .append("</title>")
                    .append("<id>")
                    .append(Xml.escape(link))
                    .append("</id>")
                    .append("<link rel=\"alternate\" href=\"")
                    .append(Xml.escape(link))
                    .append("\"/>")
                    .append("<updated>")
                    .append(item.publishedAt())
                    .append("</updated>");
            if (item.summary() != null) {
                xml.append("<summary>").append(Xml.escape(item.summary())).append("</summary>");
            }
            xml.append("</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** The same news as RSS 2.0, for the readers and services that take no Atom. */
    @GetMapping(value = "/" + SLUG + "/rss.xml", produces = "application/rss+xml;charset=UTF-8")
    @ResponseBody
    String rss(@PathVariable String slug) {
        Feed feed = feedOf(slug);
        PublicSite site = feed.site();
        String home = feed.home();
        Page<NewsItem> news = feed.news();
        Instant updated = feed.updated();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n")
                .append("<title>")
                .append(Xml.escape(site.shortName()))
                .append("</title>\n<link>")
                .append(Xml.escape(home))
                .append("</link>\n<description>")
                .append(Xml.escape(site.fullName()))
                .append("</description>\n<language>ru</language>\n")
                .append("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"")
                .append(Xml.escape(home + "/rss.xml"))
                .append("\"/>\n<lastBuildDate>")
                .append(rfc822(updated))
                .append("</lastBuildDate>\n");
        for (NewsItem item : news.items()) {
            String link = Xml.escape(home + "/news/" + item.id());
            xml.append("<item><title>")
                    .append(Xml.escape(item.title()))
                    .append("</title><link>")
                    .append(link)
                    .append("</link><guid isPermaLink=\"true\">")
                    .append(link)
                    .append("</guid><pubDate>")
                    .append(rfc822(item.publishedAt()))
                    .append("</pubDate>");
            if (item.summary() != null) {
                xml.append("<description>").append(Xml.escape(item.summary())).append("</description>");
            }
            xml.append("</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    /** RSS dates are RFC 822 dates, with English names of days and months whatever the page's language. */
    private static String rfc822(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    @GetMapping("/" + SLUG + "/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String slug, @PathVariable long documentId) {
        PublicSite site = site(slug);
        DocumentContent document =
                sites.publicDocument(site, documentId).orElseThrow(() -> ProfkomException.notFound("portal.notFound"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.document().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(document.document().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String sitemap() {
        StringBuilder xml = new StringBuilder(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        String base = baseUrl();
        int[] urls = {0};
        sites.allSites(SITEMAP_LIMIT, (Site site) -> {
            url(xml, base + "/" + site.slug(), site.updatedAt());
            urls[0]++;
        });
        // The format's limit is 50,000 addresses per file: pages first, then the published albums.
        albums.publishedAlbums(
                SITEMAP_LIMIT - urls[0],
                album -> url(xml, base + "/" + album.slug() + "/albums/" + album.albumId(), album.updatedAt()));
        return xml.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder xml, String location, Instant lastModified) {
        xml.append("<url><loc>")
                .append(Xml.escape(location))
                .append("</loc><lastmod>")
                .append(lastModified.toString(), 0, 10)
                .append("</lastmod></url>\n");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String joinPage(Model model, PublicSite site, JoinForm form) {
        if (!site.acceptsApplications()) {
            throw ProfkomException.notFound("portal.notFound");
        }
        model.addAttribute("form", form);
        model.addAttribute("issued", spamGuard.token(JOIN + ":" + site.slug()));
        return "portal/join";
    }

    private String feedbackPage(Model model, PublicSite site, FeedbackForm form) {
        model.addAttribute("form", form);
        model.addAttribute("issued", spamGuard.token(FEEDBACK + ":" + site.slug()));
        return "portal/feedback";
    }

    private PublicSite site(String slug) {
        return sites.publicSite(slug).orElseThrow(() -> ProfkomException.notFound("portal.notFound"));
    }

    private PublicSite addSite(Model model, String slug, String section) {
        PublicSite site = site(slug);
        model.addAttribute("site", site);
        model.addAttribute("section", section);
        model.addAttribute("pageUrl", baseUrl() + "/" + slug + ("home".equals(section) ? "" : "/" + section));
        model.addAttribute("description", description(site));
        return site;
    }

    private static String description(PublicSite site) {
        String about = site.site().about();
        if (about == null || about.isBlank()) {
            return site.fullName();
        }
        return flatten(about);
    }

    /** One line of at most 200 characters, for descriptions in meta tags. */
    private static String flatten(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }

    /** The public address of every absolute link ({@link PublicAddress}), never the request's Host header. */
    String baseUrl() {
        return publicAddress.base();
    }

    /** The join form as posted; {@code website} is the honeypot, {@code issued} the signed time. */
    public static class JoinForm {
        private String lastName;
        private String firstName;
        private String patronymic;
        private String birthDate;
        private String phone;
        private String email;
        private String workplace;
        private boolean consent;
        private String website;
        private String issued;

        PersonData person(LocalDate birth) {
            return new PersonData(lastName, firstName, patronymic, birth, null, null, phone, email, workplace, null);
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String value) {
            lastName = value;
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String value) {
            firstName = value;
        }

        public String getPatronymic() {
            return patronymic;
        }

        public void setPatronymic(String value) {
            patronymic = value;
        }

        public String getBirthDate() {
            return birthDate;
        }

        public void setBirthDate(String value) {
            birthDate = value;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String value) {
            phone = value;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String value) {
            email = value;
        }

        public String getWorkplace() {
            return workplace;
        }

        public void setWorkplace(String value) {
            workplace = value;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean value) {
            consent = value;
        }

        public String getWebsite() {
            return website;
        }

        public void setWebsite(String value) {
            website = value;
        }

        public String getIssued() {
            return issued;
        }

        public void setIssued(String value) {
            issued = value;
        }
    }

    /** The feedback form as posted. */
    public static class FeedbackForm {
        private String authorName;
        private String contact;
        private String message;
        private String website;
        private String issued;

        public String getAuthorName() {
            return authorName;
        }

        public void setAuthorName(String value) {
            authorName = value;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String value) {
            contact = value;
        }

        public String getMessage() {
            return message;
        }

        public void setMessage(String value) {
            message = value;
        }

        public String getWebsite() {
            return website;
        }

        public void setWebsite(String value) {
            website = value;
        }

        public String getIssued() {
            return issued;
        }

        public void setIssued(String value) {
            issued = value;
        }
    }
}
