package ru.profkom.organizations;

import java.time.Instant;
import java.time.LocalDate;

/** An organization's card. {@code path} lists the ids from the root down to it: {@code /1/5/77/}. */
public record Organization(
        long id,
        Long parentId,
        String path,
        int depth,
        OrganizationKind kind,
        String code,
        String fullName,
        String shortName,
        String inn,
        String address,
        String phone,
        String email,
        String website,
        String employerName,
        String employerInn,
        Integer headcount,
        String chairName,
        String infoWorkerName,
        OrganizationStatus status,
        LocalDate liquidatedOn,
        Long mergedIntoId,
        Instant updatedAt,
        int version) {

    public boolean active() {
        return status == OrganizationStatus.ACTIVE;
    }

    public OrganizationForm toForm() {
        return new OrganizationForm(
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
                version);
    }
}
