package ru.profkom.mail;

import java.time.Instant;

public record OutgoingMail(
        long id,
        String recipient,
        String subject,
        String body,
        MailStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public enum MailStatus {
        PENDING,
        SENT,
        FAILED;

        public String messageKey() {
            return "mail.status." + name();
        }
    }
}
