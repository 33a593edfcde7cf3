package ru.profkom.mailings.channels;

import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ru.profkom.mailings.Channel;
import ru.profkom.shared.ProfkomSettings;

/**
 * Hands e-mails to an SMTP relay (profkom.mailings.smtp-*) over a few connections kept open and reused, so a
 * large mailing does not pay a handshake per message. The envelope sender is the message's VERP return path,
 * so a bounce names its outbox row. With a DKIM key configured (profkom.mailings.dkim-*) every message is
 * signed ({@link DkimSigning}); a key configured but unreadable stops the start.
 *
 * <p>What the relay answers decides the outcome: a 5xx is a permanent refusal, a 4xx or a relay that cannot be
 * reached asks to retry later (nothing was handed over). A connection lost after the message was handed over
 * is {@link SendOutcome.Unknown}: whether the relay took it is not known, and the outbox marks the row
 * {@code UNKNOWN}. A batch goes over all the connections at once, one worker thread each.
 */
@Component
public class EmailSender implements ChannelSender, DisposableBean {

    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    static final String LOST = "Связь с почтовым сервером прервалась после передачи письма: неизвестно, принято ли";

    /**
     * Jakarta Mail 2.1 finds its {@code StreamProvider} anew, by a {@link java.util.ServiceLoader} scan of the class
     * path, for every body part it makes and every encoded word it writes or reads (jakartaee/mail-api#861, open;
     * the cache of #699 comes with 2.2): two thirds of the CPU of composing and handing over an e-mail. Its
     * FactoryFinder reads this system property first and then makes the provider by its class name, which costs
     * next to nothing. Set once unless the operator set it.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
    }

    private final ProfkomSettings.Mailings settings;
    private final Session session;
    private final BlockingQueue<Transport> idle;
    private final Optional<DkimSigning> dkim;
    private final ExecutorService pool;

    @org.springframework.beans.factory.annotation.Autowired
    public EmailSender(ProfkomSettings settings) {
        this(settings.mailings());
    }

    EmailSender(ProfkomSettings.Mailings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        this.idle = new ArrayBlockingQueue<>(settings.smtpConnections());
        this.dkim = DkimSigning.of(settings);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.smtpConnections(), task -> {
            Thread thread = new Thread(task, "smtp-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Properties properties(ProfkomSettings.Mailings settings) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.smtpHost());
        properties.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
        String timeout = String.valueOf(settings.smtpTimeout().toMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.from", settings.from());
        // Cyrillic file names of attachments, as RFC 2047 words that every mail client reads
        properties.put("mail.mime.encodefilename", "true");
        if (!settings.smtpUser().isEmpty()) {
            properties.put("mail.smtp.auth", "true");
        }
        if (settings.smtpStartTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /**
     * A whole claimed batch at once: its messages are composed and handed over by one worker per connection, so
     * a connection lost mid-batch makes only its one message {@link SendOutcome.Unknown}.
     */
    @Override
    public int maxBatch() {
        return Integer.MAX_VALUE;
    }

    /**
     * One outcome per message, in order. Up to {@code smtp-connections} workers take the next message of the batch
     * each, compose it (and sign it) and hand it over on their own connection; the call returns when all are done.
     */
    @Override
    public List<SendOutcome> send(List<OutgoingMessage> batch) {
        int workers = Math.min(settings.smtpConnections(), batch.size());
        if (workers <= 1) {
            List<SendOutcome> outcomes = new ArrayList<>(batch.size());
            batch.forEach(message -> outcomes.add(sendOne(message)));
            return outcomes;
        }
        SendOutcome[] outcomes = new SendOutcome[batch.size()];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>(workers);
        for (int worker = 0; worker < workers; worker++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
                    outcomes[i] = sendOne(batch.get(i));
                }
            }));
        }
        boolean interrupted = false;
        for (Future<?> worker : running) {
            // every worker is waited for: a message still being handed over must get its outcome recorded
            while (true) {
                try {
                    worker.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // its unfinished message stays without an outcome: unknown below
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        List<SendOutcome> answers = new ArrayList<>(outcomes.length);
        for (SendOutcome outcome : outcomes) {
            answers.add(outcome == null ? new SendOutcome.Unknown(LOST) : outcome);
        }
        return answers;
    }

    private SendOutcome sendOne(OutgoingMessage message) {
        SMTPMessage mime;
        Address[] recipients;
        try {
            mime = compose(message);
            recipients = mime.getAllRecipients();
        } catch (MessagingException e) {
            return new SendOutcome.Refused(
                    "Адрес или письмо не может быть отправлено: " + e.getClass().getSimpleName(), true);
        }
        Transport transport;
        try {
            transport = borrow();
        } catch (MessagingException e) {
            return new SendOutcome.RetryLater(RETRY_AFTER, "Почтовый сервер недоступен");
        }
        try {
            transport.sendMessage(mime, recipients);
            giveBack(transport);
            return new SendOutcome.Sent(mime.getMessageID());
        } catch (jakarta.mail.SendFailedException e) {
            int code = returnCode(e);
            if (code < 400 || code > 599) {
                // no reply at all (the connection closed): the relay may have taken the message
                close(transport);
                return new SendOutcome.Unknown(LOST);
            }
            giveBack(transport);
            return refusal(code);
        } catch (MessagingException e) {
            close(transport);
            return new SendOutcome.Unknown(LOST);
        }
    }

    private static int returnCode(Exception e) {
        if (e instanceof SMTPSendFailedException failed) {
            return failed.getReturnCode();
        }
        if (e instanceof SMTPAddressFailedException failed) {
            return failed.getReturnCode();
        }
        if (e instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null) {
            return returnCode(messaging.getNextException());
        }
        return -1;
    }

    private static SendOutcome refusal(int code) {
        if (code >= 400 && code < 500) {
            return new SendOutcome.RetryLater(RETRY_AFTER, "Почтовый сервер просит повторить позже (" + code + ")");
        }
        return new SendOutcome.Refused("Почтовый сервер отказал (" + code + ")", true);
    }

    SMTPMessage compose(OutgoingMessage message) throws MessagingException {
        SMTPMessage mime = new SMTPMessage(session);
        mime.setFrom(new InternetAddress(settings.from()));
        mime.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(message.address(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        if (message.returnPath() != null) {
            mime.setEnvelopeFrom(message.returnPath());
        }
        for (Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        if (message.attachments().isEmpty()) {
            fill(mime, message);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            fill(body, message);
            mixed.addBodyPart(body);
            for (OutgoingMessage.Attachment attachment : message.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return dkim.isEmpty() ? mime : dkim.get().sign(mime, message.returnPath());
    }

    /** The text alone, or text and HTML as alternatives of one another. */
    private static void fill(jakarta.mail.internet.MimePart part, OutgoingMessage message) throws MessagingException {
        String text = message.text() == null ? "" : message.text();
        if (message.html() == null) {
            part.setText(text, StandardCharsets.UTF_8.name());
            return;
        }
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        part.setContent(alternative);
    }

    private Transport borrow() throws MessagingException {
        Transport transport = idle.poll();
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        Transport fresh = session.getTransport("smtp");
        if (settings.smtpUser().isEmpty()) {
            fresh.connect();
        } else {
            fresh.connect(settings.smtpHost(), settings.smtpPort(), settings.smtpUser(), settings.smtpPassword());
        }
        return fresh;
    }

    private void giveBack(Transport transport) {
        try {
            if (!idle.offer(transport, 0, TimeUnit.MILLISECONDS)) {
                close(transport);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(transport);
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
        Transport transport;
        while ((transport = idle.poll()) != null) {
            close(transport);
        }
    }
}
