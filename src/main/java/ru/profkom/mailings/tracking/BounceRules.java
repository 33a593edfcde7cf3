package ru.profkom.mailings.tracking;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message in the bounce mailbox says about the e-mail it returns, Spring-free. A delivery status
 * notification (RFC 3464) names the status of the failed recipient:
 *
 * <ul>
 *   <li>{@code 4.x.x}, or {@code Action: delayed}: the relay is still trying; nothing changes;
 *   <li>{@code 5.1.x} (no such mailbox, domain or address) or {@code 5.2.1} (mailbox disabled): the message failed and
 *       the address is undeliverable, so later audiences skip it («адрес не существует»);
 *   <li>any other {@code 5.x.x} (mailbox full, refused as spam, too large): this message failed, the address stays;
 * </ul>
 *
 * A returned message without a status, from {@code MAILER-DAEMON} or {@code postmaster} or titled as
 * undelivered, failed the message only. Anything else (an auto-reply, a person's answer) is not a bounce.
 */
public final class BounceRules {

    /** What a bounce does. */
    public enum Verdict {
        /** the message failed and the address does not exist */
        UNDELIVERABLE,
        /** the message failed; the address may work another time */
        FAILED
    }

    public record Bounce(Verdict verdict, String statusCode, String diagnostic) {

        /** The row's reason, in Russian: «Письмо вернулось: адрес не существует (5.1.1: 550 User unknown)». */
        public String reason() {
            String what = verdict == Verdict.UNDELIVERABLE ? "адрес не существует" : "почтовый сервер не принял письмо";
            String detail =
                    statusCode == null ? diagnostic : diagnostic == null ? statusCode : statusCode + ": " + diagnostic;
            return "Письмо вернулось: " + what + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        }
    }

    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*([a-z]+)");
    private static final Pattern DIAGNOSTIC =
            Pattern.compile("(?im)^Diagnostic-Code:\\s*(?:smtp;\\s*)?([^\\r\\n]*(?:\\r?\\n[ \\t]+[^\\r\\n]*)*)");
    private static final Pattern DAEMON = Pattern.compile("(?i)mailer-daemon|postmaster");
    private static final Pattern UNDELIVERED_SUBJECT = Pattern.compile(
            "(?i)undeliver|returned mail|delivery status notification \\(failure\\)|delivery failure|failure notice"
                    + "|не доставлено|недоставлен|возврат");

    private BounceRules() {}

    /**
     * @param from the returned message's sender
     * @param subject its subject
     * @param text its whole text (headers and every part, the delivery status among them)
     */
    public static Optional<Bounce> read(String from, String subject, String text) {
        String body = text == null ? "" : text;
        Matcher status = STATUS.matcher(body);
        Matcher action = ACTION.matcher(body);
        String diagnostic = diagnostic(body);
        if (action.find() && action.group(1).toLowerCase(Locale.ROOT).equals("delayed")) {
            return Optional.empty();
        }
        if (status.find()) {
            String code = status.group(1) + "." + status.group(2) + "." + status.group(3);
            if (!status.group(1).equals("5")) {
                return Optional.empty();
            }
            boolean addressGone = status.group(2).equals("1")
                    || (status.group(2).equals("2") && status.group(3).equals("1"));
            return Optional.of(new Bounce(addressGone ? Verdict.UNDELIVERABLE : Verdict.FAILED, code, diagnostic));
        }
        boolean daemon = from != null && DAEMON.matcher(from).find();
        boolean undelivered =
                subject != null && UNDELIVERED_SUBJECT.matcher(subject).find();
        if (daemon || undelivered) {
            return Optional.of(new Bounce(Verdict.FAILED, null, diagnostic));
        }
        return Optional.empty();
    }

    private static String diagnostic(String body) {
        Matcher matcher = DIAGNOSTIC.matcher(body);
        if (!matcher.find()) {
            return null;
        }
        String line = matcher.group(1).replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
