package ru.profkom.crossposting;

import java.time.Instant;

/** A connected channel as staff see it: the token only as its last characters. */
public record Channel(
        long id,
        long organizationId,
        ChannelKind kind,
        String target,
        String maskedToken,
        boolean enabled,
        Instant updatedAt) {

    /** «…wxyz»: enough to recognize a token, too little to use it. */
    static String mask(String token) {
        if (token == null || token.length() < 8) {
            return "…";
        }
        return "…" + token.substring(token.length() - 4);
    }
}
