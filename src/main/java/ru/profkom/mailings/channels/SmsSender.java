package ru.profkom.mailings.channels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.SendOutcome.Refused;
import ru.profkom.mailings.channels.SendOutcome.RetryLater;
import ru.profkom.mailings.channels.SendOutcome.Sent;
import ru.profkom.shared.ProfkomSettings;

/**
 * SMS over SMPP 3.4 (jsmpp) as a transceiver: one session, bound at the first message and again after it is
 * lost. Cyrillic goes in UCS-2, a text longer than one part in {@code message_payload} (the centre splits and
 * joins it), and every message asks for a delivery receipt, which marks the outbox row by its message id.
 * A bind that fails is a state shown to the sender ({@link #state()}) and refuses the batch, nothing lost.
 */
public class SmsSender implements ChannelSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    private static final int SINGLE_PART_OCTETS = 140;
    private static final long BIND_TIMEOUT_MS = 10_000;

    /** ESME_RTHROTTLED and ESME_RMSGQFUL: the centre asks to slow down. */
    private static final int THROTTLED = 0x58;

    private static final int QUEUE_FULL = 0x14;
    /** ESME_RINVDSTADR: no such number. */
    private static final int INVALID_DESTINATION = 0x0B;

    private final ProfkomSettings.MailingChannels settings;
    private final OutboxReceipts receipts;
    private final Clock clock;
    private SMPPSession session;
    private volatile SmppState state = new SmppState(SmppState.Kind.NOT_CONNECTED, null, null);

    /**
     * What the sender knows of its SMPP centre, for the mailing form and the operator.
     *
     * @param problem a Russian explanation when the bind failed, else null
     */
    public record SmppState(Kind kind, String problem, Instant since) {
        public enum Kind {
            NOT_CONFIGURED,
            NOT_CONNECTED,
            BOUND,
            BIND_FAILED
        }
    }

    public SmsSender(ProfkomSettings.MailingChannels settings, OutboxReceipts receipts, Clock clock) {
        this.settings = settings;
        this.receipts = receipts;
        this.clock = clock;
        if (settings.smppHost().isBlank()) {
            state = new SmppState(
                    SmppState.Kind.NOT_CONFIGURED, "СМС-центр не настроен (profkom.mailing-channels.smpp-host)", null);
        }
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    public SmppState state() {
        return state;
    }

    /** Parts and cost of a text sent to so many people at the configured price, for the form before sending. */
    public SmsParts.Estimate estimate(String text, long recipients) {
        return SmsParts.estimate(text, settings.smsPartPrice(), recipients);
    }

    @Override
    public synchronized List<SendOutcome> send(List<OutgoingMessage> batch) {
        List<SendOutcome> outcomes = new ArrayList<>(batch.size());
        for (OutgoingMessage message : batch) {
            SMPPSession bound = bound();
            if (bound == null) {
                outcomes.add(new Refused(state.problem(), false));
                continue;
            }
            outcomes.add(submit(bound, message));
        }
        return outcomes;
    }

    private SendOutcome submit(SMPPSession bound, OutgoingMessage message) {
        String text = message.text() == null ? "" : message.text();
        boolean gsm = SmsParts.encodingOf(text) == SmsParts.Encoding.GSM7;
        byte[] octets = gsm ? SmsParts.gsm7(text) : text.getBytes(StandardCharsets.UTF_16BE);
        boolean single = gsm ? octets.length <= 160 : octets.length <= SINGLE_PART_OCTETS;
        String destination = message.address().replaceFirst("^\\+", "");
        String source = settings.smppSourceAddress();
        boolean numericSource = source.matches("\\+?\\d+");
        try {
            String id = bound.submitShortMessage(
                            "",
                            numericSource ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC,
                            numericSource ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN,
                            source.replaceFirst("^\\+", ""),
                            TypeOfNumber.INTERNATIONAL,
                            NumberingPlanIndicator.ISDN,
                            destination,
                            new ESMClass(),
                            (byte) 0,
                            (byte) 1,
                            null,
                            null,
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                            (byte) 0,
                            new GeneralDataCoding(gsm ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2),
                            (byte) 0,
                            single ? octets : new byte[0],
                            single
                                    ? new OptionalParameter[0]
                                    : new OptionalParameter[] {
                                        new OptionalParameter.OctetString(
                                                OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), octets)
                                    })
                    .getMessageId();
            return new Sent(id);
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            if (status == THROTTLED || status == QUEUE_FULL) {
                return new RetryLater(
                        Duration.ofSeconds(5), "СМС-центр просит подождать (0x" + Integer.toHexString(status) + ")");
            }
            if (status == INVALID_DESTINATION) {
                return new Refused("СМС-центр: неверный номер получателя", true);
            }
            return new Refused("СМС-центр отказал: код 0x" + Integer.toHexString(status), false);
        } catch (ResponseTimeoutException e) {
            // Sent but unanswered: not known whether it went out, so the outbox lists it as unknown.
            throw new IllegalStateException("СМС-центр не ответил на submit_sm", e);
        } catch (IOException e) {
            drop();
            throw new IllegalStateException("Связь с СМС-центром прервалась: " + e.getMessage(), e);
        } catch (org.jsmpp.PDUException | org.jsmpp.InvalidResponseException e) {
            return new Refused("СМС-центр: ошибка протокола: " + e.getMessage(), false);
        }
    }

    private SMPPSession bound() {
        if (settings.smppHost().isBlank()) {
            return null;
        }
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(BIND_TIMEOUT_MS);
        fresh.setEnquireLinkTimer(30_000);
        fresh.setMessageReceiverListener(new Receipts());
        try {
            fresh.connectAndBind(
                    settings.smppHost(),
                    settings.smppPort(),
                    new BindParameter(
                            BindType.BIND_TRX,
                            settings.smppSystemId(),
                            settings.smppPassword(),
                            "",
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    BIND_TIMEOUT_MS);
            session = fresh;
            state = new SmppState(SmppState.Kind.BOUND, null, clock.instant());
            return fresh;
        } catch (IOException e) {
            fresh.unbindAndClose();
            String reason = e.getCause() instanceof NegativeResponseException negative
                    ? "отказ, код 0x" + Integer.toHexString(negative.getCommandStatus())
                    : JsonHttp.hide(e.getMessage(), settings.smppPassword());
            state = new SmppState(
                    SmppState.Kind.BIND_FAILED,
                    "Не удалось подключиться к СМС-центру " + settings.smppHost() + ":" + settings.smppPort() + " ("
                            + reason + ")",
                    clock.instant());
            log.warn("SMPP bind to {}:{} failed: {}", settings.smppHost(), settings.smppPort(), reason);
            return null;
        }
    }

    private void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
            state = new SmppState(SmppState.Kind.NOT_CONNECTED, null, clock.instant());
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }

    /** deliver_sm from the centre: a delivery receipt marks the row whose provider id is the message id. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            DeliveryReceipt receipt;
            try {
                receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("SMPP delivery receipt not understood: {}", e.getMessage());
                return;
            }
            OptionalParameter receipted = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
            String id = receipted instanceof OptionalParameter.COctetString named
                    ? named.getValueAsString()
                    : receipt.getId();
            if (receipt.getFinalStatus() == DeliveryReceiptState.DELIVRD) {
                receipts.delivered(Channel.SMS, id, clock.instant());
            } else if (receipt.getFinalStatus() != DeliveryReceiptState.ENROUTE
                    && receipt.getFinalStatus() != DeliveryReceiptState.ACCEPTD) {
                receipts.undelivered(Channel.SMS, id, "СМС не доставлено: " + receipt.getFinalStatus());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not taken", 0x03);
        }
    }
}
