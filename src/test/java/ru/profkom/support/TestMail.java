package ru.profkom.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

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
