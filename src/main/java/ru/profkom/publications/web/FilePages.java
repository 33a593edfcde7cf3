package ru.profkom.publications.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import ru.profkom.publications.AttachmentFile;
import ru.profkom.publications.Images;
import ru.profkom.publications.Publications;
import ru.profkom.publications.StoredImageData;
import ru.profkom.shared.ProfkomException;

/**
 * Serves stored images (public ones to anyone, as the portal needs) and attachments. An attachment is
 * always a download under its sanitized name, never rendered by the browser.
 */
@Controller
class FilePages {

    private final Images images;
    private final Publications publications;

    FilePages(Images images, Publications publications) {
        this.images = images;
        this.publications = publications;
    }

    @GetMapping("/images/{imageId}")
    ResponseEntity<byte[]> image(@PathVariable long imageId) {
        return image(imageId, false);
    }

    @GetMapping("/images/{imageId}/thumb")
    ResponseEntity<byte[]> thumbnail(@PathVariable long imageId) {
        return image(imageId, true);
    }

    private ResponseEntity<byte[]> image(long imageId, boolean thumbnail) {
        StoredImageData data =
                images.serve(imageId, thumbnail).orElseThrow(() -> ProfkomException.notFound("image.notFound"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(data.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(data.bytes());
    }

    @GetMapping("/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long attachmentId) {
        AttachmentFile file = publications.attachment(attachmentId);
        return download(file);
    }

    static ResponseEntity<byte[]> download(AttachmentFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(file.bytes());
    }
}
