package ru.profkom.organizations;

/** Bodies attached to an organization: its elected body, youth council and commissions. */
public enum BodyKind {
    ELECTED_BODY,
    YOUTH_COUNCIL,
    COMMISSION;

    public String messageKey() {
        return "organization.body.kind." + name();
    }
}
