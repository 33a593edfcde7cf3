package ru.profkom.publications;

import java.util.Set;
import ru.profkom.organizations.OrganizationKind;

/** A package to send: to every active descendant, or to those of the chosen kinds. */
public record InfoPackageDraft(String title, String bodyHtml, Set<OrganizationKind> kinds, Integer remindAfterDays) {

    public InfoPackageDraft {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }
}
