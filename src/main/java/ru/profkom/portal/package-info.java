/**
 * The public portal (B1, B3): a page per organization at a readable address, run by its information
 * worker, with about, contacts, consented leaders, documents, news, photo albums, feedback and an
 * online application to join that arrives in the member registry.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organizations", "members", "publications"})
package ru.profkom.portal;
