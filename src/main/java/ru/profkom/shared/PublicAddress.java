package ru.profkom.shared;

/**
 * The address at which people reach this installation, for every absolute link: the e-card's QR code, public
 * share links, links in e-mail, feeds and the sitemap. One source, in this order: what the union administrator
 * set on the settings page (stored in the database, so every node agrees), else {@code profkom.base-url}, else
 * this process's own server port on localhost. Never the request's Host header: a forged one would print cards
 * and send reset links that lead to a stranger's site.
 */
public interface PublicAddress {

    /** The base address without a trailing slash, such as {@code https://profkom.example.ru}. */
    String base();

    /** An absolute link to a path of this installation; the path starts with {@code /}. */
    default String link(String path) {
        return base() + path;
    }
}
