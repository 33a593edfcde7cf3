package ru.profkom.organizations;

/**
 * An organization's place in the tree and its employer's headcount (0 when the card gives none),
 * for read models that compute the membership level; not personal data.
 */
public record OrganizationHeadcount(long id, String path, int headcount, boolean active) {}
