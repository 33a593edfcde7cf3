package ru.profkom.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One GreenMail SMTP and IMAP server on free ports for the whole test run; messages are told apart by recipient.
 * The IMAP side holds the mailbox {@link #BOUNCE_USER} that the mailings read bounces from.
 */
public final class TestMail {

    public static final String BOUNCE_ADDRESS = "bounces@profkom.test";
    public static final String BOUNCE_USER = "bounces";
    public static final String BOUNCE_PASSWORD = "bounces-secret";

    private static GreenMail server;

    private TestMail() {}

    public static synchronized GreenMail server() {
        if (server == null) {
            server = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {
                ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
            });
            server.start();
            server.setUser(BOUNCE_ADDRESS, BOUNCE_USER, BOUNCE_PASSWORD);
            GreenMail started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return server;
    }

    /**
     * Puts a delivery status notification, as Postfix writes it, into the bounce mailbox: the recipient failed
     * with {@code status} ({@code 5.1.1}, {@code 5.2.2}...), quoting {@code quotedHeaders} of the original.
     */
    public static void deliverBounce(String recipient, String status, String diagnostic, String quotedHeaders)
            throws MessagingException {
        MimeMessage dsn = new MimeMessage(Session.getInstance(new Properties()));
        dsn.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.ru"));
        dsn.setRecipient(Message.RecipientType.TO, new InternetAddress(BOUNCE_ADDRESS));
        dsn.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("This is the mail system at host mx.example.ru. I'm sorry to have to inform you ...");
        MimeBodyPart deliveryStatus = new MimeBodyPart();
        deliveryStatus.setContent(
                "Reporting-MTA: dns; mx.example.ru\r\n\r\nFinal-Recipient: rfc822; " + recipient
                        + "\r\nAction: failed\r\nStatus: " + status + "\r\nDiagnostic-Code: smtp; " + diagnostic
                        + "\r\n",
                "message/delivery-status");
        MimeBodyPart headers = new MimeBodyPart();
        headers.setContent(quotedHeaders, "text/rfc822-headers");
        report.addBodyPart(human);
        report.addBodyPart(deliveryStatus);
        report.addBodyPart(headers);
        dsn.setContent(report);
        dsn.saveChanges();
        server().getUserManager().getUserByEmail(BOUNCE_ADDRESS).deliver(dsn);
    }

    /** A bounce of a message GreenMail received, quoting its return path (the VERP address names the row). */
    public static void deliverBounce(MimeMessage original, String recipient, String status, String diagnostic)
            throws MessagingException {
        deliverBounce(
                recipient,
                status,
                diagnostic,
                "Return-Path: " + returnPath(original) + "\r\nTo: " + recipient + "\r\n");
    }

    public static String returnPath(MimeMessage message) throws MessagingException {
        return message.getHeader("Return-Path")[0];
    }

    /** The text of the message's part of a type ({@code text/html}, {@code text/plain}), however deeply nested. */
    public static String part(jakarta.mail.Part message, String type) throws MessagingException, java.io.IOException {
        String found = find(message, type);
        if (found == null) {
            throw new AssertionError("no " + type + " part");
        }
        return found;
    }

    private static String find(jakarta.mail.Part part, String type) throws MessagingException, java.io.IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(server().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
