package ru.profkom.mailings.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.profkom.mailings.Channel;
import ru.profkom.shared.ProfkomSettings;
import ru.profkom.support.TestMail;

class EmailSenderTests {

    private static final Path SMTP_SINK = TestRelays.SMTP_SINK;

    private static ProfkomSettings.Mailings relay(int port) {
        return TestRelays.settings(port, 2, null);
    }

    private static ProfkomSettings.Mailings relay(int port, int connections, Path dkimKey) {
        return TestRelays.settings(port, connections, dkimKey);
    }

    private static OutgoingMessage message(long id, String address) {
        return new OutgoingMessage(
                id,
                Channel.EMAIL,
                address,
                "Собрание председателей",
                "Здравствуйте, Анна!",
                "<p>Здравствуйте, <b>Анна</b>!</p>",
                List.of(new OutgoingMessage.Attachment(
                        "повестка.txt", "text/plain", "Повестка".getBytes(StandardCharsets.UTF_8))),
                Map.of(
                        "List-Unsubscribe",
                        "<https://profkom.test/u/" + id + ">",
                        "List-Unsubscribe-Post",
                        "List-Unsubscribe=One-Click"),
                "bounce+" + id + "@profkom.test");
    }

    @Test
    void handsMessagesToTheRelayWithHeadersReturnPathTextHtmlAndAttachment() throws Exception {
        EmailSender sender = new EmailSender(relay(TestMail.server().getSmtp().getPort()));
        try {
            List<SendOutcome> outcomes = sender.send(List.of(message(101, "anna.mailing@profkom.test")));
            outcomes = new java.util.ArrayList<>(outcomes);
            outcomes.addAll(sender.send(List.of(message(102, "boris.mailing@profkom.test"))));

            assertThat(outcomes)
                    .allSatisfy(outcome -> assertThat(outcome)
                            .isInstanceOfSatisfying(
                                    SendOutcome.Sent.class,
                                    sent -> assertThat(sent.providerId()).startsWith("<")));
            List<MimeMessage> received = TestMail.receivedBy("anna.mailing@profkom.test");
            assertThat(received).hasSize(1);
            MimeMessage mail = received.getFirst();
            assertThat(mail.getSubject()).isEqualTo("Собрание председателей");
            assertThat(mail.getHeader("List-Unsubscribe", null)).isEqualTo("<https://profkom.test/u/101>");
            assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(mail.getHeader("Return-Path", null)).contains("bounce+101@profkom.test");
            assertThat(mail.getMessageID()).isEqualTo(((SendOutcome.Sent) outcomes.getFirst()).providerId());
            MimeMultipart mixed = (MimeMultipart) mail.getContent();
            assertThat(mixed.getCount()).isEqualTo(2);
            MimeMultipart alternative = (MimeMultipart) mixed.getBodyPart(0).getContent();
            assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("Здравствуйте, Анна!");
            assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
            assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("повестка.txt");
            assertThat(TestMail.receivedBy("boris.mailing@profkom.test")).hasSize(1);
        } finally {
            sender.destroy();
        }
    }

    @Test
    void signsEveryMessageWithDkimAndTheSignatureVerifiesUntilTheBodyIsAltered(@TempDir Path keys) throws Exception {
        KeyPair pair = TestDkim.keyPair();
        EmailSender sender = new EmailSender(relay(TestMail.server().getSmtp().getPort(), 2, TestDkim.pem(pair, keys)));
        try {
            assertThat(sender.send(List.of(message(151, "dkim.mailing@profkom.test")))
                            .getFirst())
                    .isInstanceOf(SendOutcome.Sent.class);
        } finally {
            sender.destroy();
        }
        MimeMessage received = TestMail.receivedBy("dkim.mailing@profkom.test").getFirst();
        String signature = received.getHeader("DKIM-Signature", null);
        assertThat(signature)
                .contains("d=profkom.test;")
                .contains("s=mail2026;")
                .contains("a=rsa-sha256;");
        assertThat(signature.replaceAll("\\s", ""))
                .contains("List-Unsubscribe-Post")
                .contains("Message-ID")
                .contains("Content-Type");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        String wire = raw.toString(StandardCharsets.US_ASCII);

        assertThat(TestDkim.verify(wire, pair.getPublic())).singleElement().satisfies(record -> {
            assertThat(record.getDToken()).hasToString("profkom.test");
            assertThat(record.getSelector()).hasToString("mail2026");
        });
        // the attachment's base64 altered by one character after signing: the body hash no longer matches
        String altered = wire.replaceFirst("(?s)(filename.*?\r\n\r\n)(.)", "$1" + "Q");
        assertThat(altered).isNotEqualTo(wire);
        assertThatThrownBy(() -> TestDkim.verify(altered, pair.getPublic())).isInstanceOf(FailException.class);
        // and so does a changed subject, a signed header
        String resubjected = wire.replaceFirst("(?m)^Subject: .*$", "Subject: =?UTF-8?B?0J/RgNC40LfRiw==?=");
        assertThatThrownBy(() -> TestDkim.verify(resubjected, pair.getPublic())).isInstanceOf(FailException.class);
    }

    @Test
    void aKeyConfiguredButUnreadableStopsTheStartWithWhatIsWrong(@TempDir Path keys) throws Exception {
        Path missing = keys.resolve("missing.pem");
        assertThatThrownBy(() -> new EmailSender(relay(25, 2, missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("profkom.mailings.dkim-private-key: cannot read " + missing);
        Path cut = Files.writeString(keys.resolve("cut.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n");
        assertThatThrownBy(() -> new EmailSender(relay(25, 2, cut)))
                .hasMessageContaining("is not an unencrypted PKCS#8 RSA private key");
        Path garbage = Files.writeString(
                keys.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new EmailSender(relay(25, 2, garbage)))
                .hasMessageContaining("is not an unencrypted PKCS#8 RSA private key");
        Path pkcs1 = Files.writeString(keys.resolve("pkcs1.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n");
        assertThatThrownBy(() -> new EmailSender(relay(25, 2, pkcs1))).hasMessageContaining("openssl pkcs8 -topk8");
        Path der = Files.write(
                keys.resolve("key.der"), TestDkim.keyPair().getPrivate().getEncoded());
        assertThat(DkimSigning.readKey(der).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void takesAHardRefusalAsPermanentAndASoftOneAsRetryLater() throws Exception {
        assumeTrue(Files.isExecutable(SMTP_SINK), "postfix smtp-sink is installed");
        try (TestRelays.Sink hard = TestRelays.Sink.start("-f", "RCPT");
                TestRelays.Sink soft = TestRelays.Sink.start("-r", "RCPT")) {
            EmailSender hardSender = new EmailSender(relay(hard.port()));
            EmailSender softSender = new EmailSender(relay(soft.port()));
            try {
                assertThat(hardSender
                                .send(List.of(message(201, "nobody@profkom.test")))
                                .getFirst())
                        .isInstanceOfSatisfying(SendOutcome.Refused.class, refused -> {
                            assertThat(refused.permanent()).isTrue();
                            assertThat(refused.reason()).contains("500");
                        });
                assertThat(softSender
                                .send(List.of(message(202, "later@profkom.test")))
                                .getFirst())
                        .isInstanceOf(SendOutcome.RetryLater.class);
            } finally {
                hardSender.destroy();
                softSender.destroy();
            }
        }
    }

    @Test
    void aConnectionLostAfterTheMessageWasHandedOverMakesThatMessageUnknown() throws Exception {
        assumeTrue(Files.isExecutable(SMTP_SINK), "postfix smtp-sink is installed");
        try (TestRelays.Sink dropping = TestRelays.Sink.start("-q", ".")) {
            EmailSender sender = new EmailSender(relay(dropping.port()));
            try {
                assertThat(sender.send(List.of(message(301, "lost@profkom.test"), message(302, "lost2@profkom.test"))))
                        .hasSize(2)
                        .allSatisfy(outcome -> assertThat(outcome)
                                .isInstanceOfSatisfying(
                                        SendOutcome.Unknown.class,
                                        unknown -> assertThat(unknown.reason()).contains("неизвестно, принято ли")));
            } finally {
                sender.destroy();
            }
        }
    }

    @Test
    void aBatchGoesOverAllTheConnectionsAndTheOutcomesKeepItsOrder() throws Exception {
        EmailSender sender = new EmailSender(relay(TestMail.server().getSmtp().getPort(), 3, null));
        try {
            List<OutgoingMessage> batch = java.util.stream.IntStream.range(0, 30)
                    .mapToObj(i -> message(500 + i, "batch" + i + ".mailing@profkom.test"))
                    .toList();
            List<SendOutcome> outcomes = sender.send(batch);

            assertThat(outcomes)
                    .hasSize(30)
                    .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(SendOutcome.Sent.class));
            for (int i = 0; i < 30; i++) {
                MimeMessage received = TestMail.receivedBy("batch" + i + ".mailing@profkom.test")
                        .getFirst();
                assertThat(received.getMessageID()).isEqualTo(((SendOutcome.Sent) outcomes.get(i)).providerId());
                assertThat(received.getHeader("List-Unsubscribe", null))
                        .isEqualTo("<https://profkom.test/u/" + (500 + i) + ">");
            }
        } finally {
            sender.destroy();
        }
    }

    @Test
    void asksToRetryLaterWhenTheRelayCannotBeReached() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailSender sender = new EmailSender(relay(closedPort));
        assertThat(sender.send(List.of(message(401, "x@profkom.test"))).getFirst())
                .isInstanceOf(SendOutcome.RetryLater.class);
    }
}
