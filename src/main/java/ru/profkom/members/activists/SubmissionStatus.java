package ru.profkom.members.activists;

import ru.profkom.organizations.OrganizationNode;

/**
 * A primary organization of a subtree, the names of the organizations between the subtree's root and it (« › »
 * between, empty directly below), and its latest activists' base for a year, or null when it sent none.
 */
public record SubmissionStatus(OrganizationNode organization, ActivistSubmission latest, String parentChain) {

    public boolean submitted() {
        return latest != null;
    }
}
