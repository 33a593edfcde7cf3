package ru.profkom.portal;

import java.util.List;
import org.springframework.stereotype.Component;
import ru.profkom.publications.TestImages;
import ru.profkom.shared.CurrentActor;

/** An album of an organization with one photo, for the access tests: a draft, hidden from outsiders. */
@Component
public class AlbumWorld {

    private final PortalAlbums albums;

    AlbumWorld(PortalAlbums albums) {
        this.albums = albums;
    }

    public record Objects(long album, long photo) {}

    public Objects build(long organizationId) {
        return CurrentActor.asSystem(() -> {
            Album album =
                    albums.create(organizationId, new AlbumForm("Альбом для проверки доступа", null, "Описание", null));
            byte[] png = TestImages.png(40, 30);
            AlbumPhoto photo = albums.addPhotos(
                            organizationId, album.id(), List.of(new PhotoUpload("photo.png", png.length, () -> png)))
                    .getFirst();
            return new Objects(album.id(), photo.id());
        });
    }
}
