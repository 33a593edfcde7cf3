package ru.profkom.members;

import ru.profkom.organizations.OrganizationNode;

/** A primary organization of a subtree and its latest activists' base for a year, or null when it sent none. */
public record SubmissionStatus(OrganizationNode organization, ActivistSubmission latest) {

    public boolean submitted() {
        return latest != null;
    }
}
