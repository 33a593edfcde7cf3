package ru.profkom.publications;

/** An attached file as a list shows it; {@link #url()} downloads it. */
public record AttachmentRef(long id, String fileName, String contentType, int byteSize) {

    public String url() {
        return "/attachments/" + id;
    }
}
