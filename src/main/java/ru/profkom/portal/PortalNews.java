package ru.profkom.portal;

import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;

/** An organization's published news for its public page, newest first; read from the publications module. */
@Component
class PortalNews {

    Page<NewsItem> news(long organizationId, PageRequest page) {
        return new Page<>(java.util.List.of(), page.page(), page.size(), 0);
    }

    Optional<NewsArticle> article(long organizationId, long publicationId) {
        return Optional.empty();
    }
}
