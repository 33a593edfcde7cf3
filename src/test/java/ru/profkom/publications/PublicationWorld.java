package ru.profkom.publications;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.profkom.shared.CurrentActor;

/** Objects of the publications module inside a subtree, for the access tests: all hidden from outsiders. */
@Component
public class PublicationWorld {

    private final Publications publications;
    private final UpwardRoutes routes;
    private final InfoPackages packages;

    PublicationWorld(Publications publications, UpwardRoutes routes, InfoPackages packages) {
        this.publications = publications;
        this.routes = routes;
        this.packages = packages;
    }

    /** A draft of the primary organization with a photo and a file, sent up; and a package sent down from the territorial one. */
    public record Objects(long publication, long image, long attachment, long route, long infoPackage) {}

    public Objects build(long territorial, long primary) {
        return CurrentActor.asSystem(() -> {
            Publication draft = publications.create(
                    primary,
                    new PublicationDraft(
                            "Черновик для проверки доступа", "<p>Текст</p>", null, List.of(), List.of(), null));
            ImageRef image = publications.addImage(draft.id(), "photo.png", TestImages.png(40, 30));
            AttachmentRef file =
                    publications.addAttachment(draft.id(), "file.pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
            Route route = routes.send(draft.id(), RoutePurpose.NEWS, null);
            InfoPackage infoPackage = packages.send(
                    territorial, new InfoPackageDraft("Пакет для проверки доступа", "Текст", Set.of(), 3));
            return new Objects(draft.id(), image.id(), file.id(), route.id(), infoPackage.id());
        });
    }
}
