package ru.profkom.organizations;

/**
 * What a user fills in to create or edit an organization. {@code kind} is only read on creation;
 * {@code version} is the version the user saw, so that two editors do not overwrite each other.
 */
public record OrganizationForm(
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
        Integer version) {

    public static OrganizationForm empty(OrganizationKind kind) {
        return new OrganizationForm(
                kind, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public OrganizationForm withKind(OrganizationKind kind) {
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

    public OrganizationForm withCode(String code) {
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

    public OrganizationForm withInn(String inn) {
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

    public OrganizationForm withShortName(String shortName) {
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
