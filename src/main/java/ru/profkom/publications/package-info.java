/**
 * Publications (B1): news and materials of an organization with safe rich text, images, attachments and
 * video links; their way up to higher organizations; information packages sent down a subtree with read
 * receipts; organization and member feeds and Russian full-text search. The image store is reused by the portal.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "organizations", "accounts", "members", "mail"})
package ru.profkom.publications;
