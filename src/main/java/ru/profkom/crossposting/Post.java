package ru.profkom.crossposting;

/** What an adapter sends: the title, the text, the public link and an absolute image address (or null). */
record Post(String title, String text, String link, String imageUrl) {

    /** The message's text within a network's limit, ending with the link. */
    String message(int limit) {
        String tail = link == null ? "" : "\n\n" + link;
        String body = title + (text == null || text.isBlank() ? "" : "\n\n" + text);
        int room = limit - tail.length();
        if (body.length() > room) {
            body = body.substring(0, Math.max(0, room - 1)) + "…";
        }
        return body + tail;
    }
}
