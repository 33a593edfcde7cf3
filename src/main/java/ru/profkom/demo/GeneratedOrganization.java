package ru.profkom.demo;

import java.util.List;
import ru.profkom.organizations.BodyDraft;
import ru.profkom.organizations.OrganizationDraft;
import ru.profkom.organizations.OrganizationForm;
import ru.profkom.organizations.OrganizationKind;

/**
 * One organization of a generated union, with the id it is stored under (ids run 1, 2, 3 … in the
 * order the generator emits them, parents first).
 *
 * @param employerType the kind of employer of a primary organization; null above that level
 * @param phone normalized, {@code +7XXXXXXXXXX}
 * @param seed a seed of its own, so that whatever is generated for this organization later (its
 *     members, say) comes out the same whatever else the generator learns to produce
 */
public record GeneratedOrganization(
        long id,
        Long parentId,
        OrganizationKind kind,
        String code,
        String fullName,
        String shortName,
        String inn,
        String address,
        String phone,
        String email,
        String website,
        EmployerType employerType,
        String employerName,
        String employerInn,
        Integer headcount,
        String chairName,
        String infoWorkerName,
        List<GeneratedBody> bodies,
        long seed) {

    public GeneratedOrganization {
        bodies = List.copyOf(bodies);
    }

    public OrganizationDraft toDraft() {
        return new OrganizationDraft(
                id,
                parentId,
                new OrganizationForm(
                        kind,
                        code,
                        fullName,
                        shortName,
                        inn,
                        address,
                        phone,
                        email,
                        website,
                        employerName,
                        employerInn,
                        headcount,
                        chairName,
                        infoWorkerName,
                        null),
                bodies.stream()
                        .map(body -> new BodyDraft(body.kind(), body.name(), body.chairName()))
                        .toList());
    }
}
