package ru.profkom.mailings.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrackingTokensTests {

    private final TrackingTokens tokens =
            new TrackingTokens("a key of this installation".getBytes(StandardCharsets.UTF_8));
    private final TrackingTokens otherInstallation =
            new TrackingTokens("a key of another installation".getBytes(StandardCharsets.UTF_8));

    @Test
    void readsBackTheRowAndLinkOfAClick() {
        String token = tokens.click(42, 3, "https://profkom.example.ru/news?id=7&x=1");

        assertThat(token).hasSize(31).matches("[A-Za-z0-9_-]+");
        assertThat(tokens.readClick(token, "https://profkom.example.ru/news?id=7&x=1"))
                .contains(new TrackingTokens.Token(
                        TrackingTokens.Kind.CLICK, 42, 3, "https://profkom.example.ru/news?id=7&x=1"));
    }

    @Test
    void refusesAClickWhoseLinkWasPointedElsewhere() {
        String token = tokens.click(42, 3, "https://profkom.example.ru/news");

        assertThat(tokens.readClick(token, "https://evil.example.com/")).isEmpty();
        assertThat(tokens.readClick(token, null)).isEmpty();
    }

    @Test
    void refusesATokenChangedByOneCharacterOrMadeElsewhere() {
        String token = tokens.open(42);
        String changed = token.substring(0, 20) + (token.charAt(20) == 'A' ? 'B' : 'A') + token.substring(21);
        // the last character carries two unused bits: a token differing only there is refused too
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + (char) (last ^ 1);

        assertThat(tokens.readOpen(token)).map(TrackingTokens.Token::outboxId).contains(42L);
        assertThat(tokens.readOpen(changed)).isEmpty();
        assertThat(tokens.readOpen(respelled)).isEmpty();
        assertThat(tokens.readOpen(otherInstallation.open(42))).isEmpty();
        assertThat(tokens.readOpen("not-a-token")).isEmpty();
        assertThat(tokens.readOpen("!".repeat(31))).isEmpty();
        assertThat(tokens.readOpen(null)).isEmpty();
    }

    @Test
    void keepsTheKindsApart() {
        assertThat(tokens.readUnsubscribe(tokens.open(42))).isEmpty();
        assertThat(tokens.readOpen(tokens.unsubscribe(42))).isEmpty();
        assertThat(tokens.readUnsubscribe(tokens.unsubscribe(42)))
                .map(TrackingTokens.Token::outboxId)
                .contains(42L);
    }

    @Test
    void signsTheVerpReturnPathAndFindsItInABounceWhateverTheCase() {
        String verp = tokens.verp("bounces@profkom.example.ru", 123456);

        assertThat(verp).matches("bounces\\+b123456-[0-9a-f]{16}@profkom\\.example\\.ru");
        assertThat(tokens.findVerp("Final-Recipient: rfc822; x@y\nX-Original-To: " + verp.toUpperCase()))
                .contains(123456L);
        assertThat(tokens.findVerp("To: " + otherInstallation.verp("bounces@profkom.example.ru", 123456)))
                .isEmpty();
        assertThat(tokens.findVerp("To: " + verp.replace("b123456-", "b123457-")))
                .isEmpty();
        assertThat(tokens.findVerp("no address here")).isEmpty();
    }
}
