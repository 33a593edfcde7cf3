package ru.profkom.publications.web;

import java.util.Arrays;
import java.util.List;
import ru.profkom.publications.Publication;
import ru.profkom.publications.PublicationDraft;
import ru.profkom.publications.Rubric;
import ru.profkom.publications.VideoLink;

/** The editor's form: tags comma-separated, one video link per line. */
class PublicationForm {

    private String title;
    private String body;
    private Rubric rubric;
    private String tags;
    private String videos;
    private Integer version;

    static PublicationForm of(Publication publication) {
        PublicationForm form = new PublicationForm();
        form.title = publication.title();
        form.body = publication.bodyHtml();
        form.rubric = publication.rubric();
        form.tags = String.join(", ", publication.tags());
        form.videos = String.join(
                "\n", publication.videos().stream().map(VideoLink::url).toList());
        form.version = publication.version();
        return form;
    }

    PublicationDraft toDraft() {
        List<String> videoLines = videos == null
                ? List.of()
                : Arrays.stream(videos.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new PublicationDraft(title, body, rubric, tags == null ? List.of() : List.of(tags), videoLines, version);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Rubric getRubric() {
        return rubric;
    }

    public void setRubric(Rubric rubric) {
        this.rubric = rubric;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getVideos() {
        return videos;
    }

    public void setVideos(String videos) {
        this.videos = videos;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
