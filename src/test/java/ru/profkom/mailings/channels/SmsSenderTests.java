package ru.profkom.mailings.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static profkom.schema.Tables.MAILING_OUTBOX;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.mailings.Channel;
import ru.profkom.mailings.channels.SendOutcome.Refused;
import ru.profkom.mailings.channels.SendOutcome.Sent;
import ru.profkom.support.ProfkomIntegrationTest;

/**
 * SmsSender against a local SMPP centre started here with jsmpp's server session API (a real protocol peer):
 * binds, submit_sm in GSM-7 and UCS-2, long texts in message_payload, delivery receipts marking the outbox row.
 */
@ProfkomIntegrationTest
class SmsSenderTests {

    private static final String PASSWORD = "smsc-pw";
    private static final AtomicLong MAILINGS = new AtomicLong(System.currentTimeMillis());

    @Autowired
    OutboxReceipts receipts;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
    final AtomicInteger ids = new AtomicInteger(0xA000);
    final AtomicReference<SMPPServerSession> serverSession = new AtomicReference<>();
    SMPPServerSessionListener centre;
    Thread acceptor;
    int port;
    SmsSender sender;

    @BeforeEach
    void startTheCentre() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        centre = new SMPPServerSessionListener(port);
        centre.setMessageReceiverListener(new Centre());
        acceptor = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    SMPPServerSession session = centre.accept();
                    BindRequest bind = session.waitForBind(5000);
                    if (PASSWORD.equals(bind.getPassword())) {
                        bind.accept("test-smsc");
                        serverSession.set(session);
                    } else {
                        bind.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                    }
                }
            } catch (Exception stopped) {
                // the listener was closed at the end of the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopTheCentre() throws IOException {
        if (sender != null) {
            sender.close();
        }
        SMPPServerSession session = serverSession.get();
        if (session != null) {
            session.unbindAndClose();
        }
        centre.close();
        acceptor.interrupt();
    }

    SmsSender sender(String password) {
        sender = new SmsSender(
                ChannelSettingsForTests.settings("http://x", "http://x", "127.0.0.1", port, password), receipts, clock);
        return sender;
    }

    @Test
    void sendsCyrillicInUcs2AndLatinInGsm7AndALongTextInMessagePayload() {
        String cyrillic = "Собрание профкома в пятницу";
        String longText = "Уважаемые коллеги! ".repeat(12);

        List<SendOutcome> outcomes = sender(PASSWORD)
                .send(List.of(
                        sms(1, "+79161234567", cyrillic),
                        sms(2, "+79161234568", "Meeting @ 18:00"),
                        sms(3, "+79161234569", longText)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(Sent.class));
        assertThat(sender.state().kind()).isEqualTo(SmsSender.SmppState.Kind.BOUND);
        assertThat(submitted).hasSize(3);
        SubmitSm first = submitted.get(0);
        assertThat(first.getDestAddress()).isEqualTo("79161234567");
        assertThat(first.getDataCoding()).isEqualTo((byte) 0x08);
        assertThat(new String(first.getShortMessage(), StandardCharsets.UTF_16BE))
                .isEqualTo(cyrillic);
        assertThat(first.getRegisteredDelivery()).as("a receipt is asked for").isEqualTo((byte) 1);
        SubmitSm latin = submitted.get(1);
        assertThat(latin.getDataCoding()).isEqualTo((byte) 0x00);
        assertThat(latin.getShortMessage()).isEqualTo(SmsParts.gsm7("Meeting @ 18:00"));
        SubmitSm payload = submitted.get(2);
        assertThat(payload.getShortMessage()).isEmpty();
        OptionalParameter.OctetString body =
                (OptionalParameter.OctetString) payload.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        assertThat(new String(body.getValue(), StandardCharsets.UTF_16BE)).isEqualTo(longText);
        assertThat(((Sent) outcomes.get(0)).providerId()).isEqualTo(Integer.toHexString(0xA001));
    }

    @Test
    void marksTheOutboxRowDeliveredWhenTheReceiptComes() throws Exception {
        long mailing = MAILINGS.incrementAndGet();
        List<SendOutcome> outcomes = sender(PASSWORD).send(List.of(sms(1, "+79160000001", "Привет")));
        String providerId = ((Sent) outcomes.getFirst()).providerId();
        long row = outboxRow(mailing, providerId);

        receipt(providerId, DeliveryReceiptState.DELIVRD);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(db.select(MAILING_OUTBOX.DELIVERED_AT)
                                .from(MAILING_OUTBOX)
                                .where(MAILING_OUTBOX.ID.eq(row))
                                .fetchOne(MAILING_OUTBOX.DELIVERED_AT))
                        .isNotNull());
    }

    @Test
    void keepsAnUndeliveredReceiptAsTheRowsError() throws Exception {
        long mailing = MAILINGS.incrementAndGet();
        List<SendOutcome> outcomes = sender(PASSWORD).send(List.of(sms(1, "+79160000002", "Привет")));
        String providerId = ((Sent) outcomes.getFirst()).providerId();
        long row = outboxRow(mailing, providerId);

        receipt(providerId, DeliveryReceiptState.UNDELIV);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(db.select(MAILING_OUTBOX.ERROR)
                                .from(MAILING_OUTBOX)
                                .where(MAILING_OUTBOX.ID.eq(row))
                                .fetchOne(MAILING_OUTBOX.ERROR))
                        .contains("не доставлено"));
        assertThat(db.select(MAILING_OUTBOX.DELIVERED_AT)
                        .from(MAILING_OUTBOX)
                        .where(MAILING_OUTBOX.ID.eq(row))
                        .fetchOne(MAILING_OUTBOX.DELIVERED_AT))
                .isNull();
    }

    @Test
    void showsABindFailureAsAStateAndRefusesTheBatchForALaterRetry() {
        List<SendOutcome> outcomes = sender("wrongpw").send(List.of(sms(1, "+79160000003", "Привет")));

        assertThat(outcomes.getFirst()).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.permanent()).isFalse();
            assertThat(r.reason()).contains("Не удалось подключиться к СМС-центру 127.0.0.1:" + port);
        });
        assertThat(sender.state().kind()).isEqualTo(SmsSender.SmppState.Kind.BIND_FAILED);
        assertThat(sender.state().problem()).contains("Не удалось подключиться").doesNotContain("wrongpw");
        assertThat(submitted).isEmpty();
    }

    @Test
    void showsACentreThatDoesNotListenAsABindFailure() throws IOException {
        // a port nobody listens on (closing this test's centre raced with jsmpp's acceptor once in CI)
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<SendOutcome> outcomes = sender(PASSWORD).send(List.of(sms(1, "+79160000004", "Привет")));

        assertThat(outcomes.getFirst()).isInstanceOf(Refused.class);
        assertThat(sender.state().kind()).isEqualTo(SmsSender.SmppState.Kind.BIND_FAILED);
    }

    @Test
    void estimatesPartsAndCostAtTheConfiguredPrice() {
        SmsParts.Estimate estimate = sender(PASSWORD).estimate("Я".repeat(100), 3);
        assertThat(estimate.partsEach()).isEqualTo(2);
        assertThat(estimate.parts()).isEqualTo(6);
        assertThat(estimate.cost()).isEqualByComparingTo("15.00");
    }

    private void receipt(String providerId, DeliveryReceiptState state) throws Exception {
        Date now = new Date();
        String text = new DeliveryReceipt(
                        providerId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, now, now, state, "000", "Privet")
                .toString();
        serverSession
                .get()
                .deliverShortMessage(
                        "",
                        TypeOfNumber.INTERNATIONAL,
                        NumberingPlanIndicator.ISDN,
                        "79160000001",
                        TypeOfNumber.ALPHANUMERIC,
                        NumberingPlanIndicator.UNKNOWN,
                        "PROFKOM",
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0,
                        (byte) 0,
                        new RegisteredDelivery(0),
                        DataCodings.ZERO,
                        text.getBytes(StandardCharsets.US_ASCII));
    }

    private long outboxRow(long mailing, String providerId) {
        return db.insertInto(MAILING_OUTBOX)
                .set(MAILING_OUTBOX.MAILING_ID, mailing)
                .set(MAILING_OUTBOX.PERSON_ID, 1L)
                .set(MAILING_OUTBOX.ORGANIZATION_ID, 1L)
                .set(MAILING_OUTBOX.CHANNEL, Channel.SMS.name())
                .set(MAILING_OUTBOX.ADDRESS, "+79160000001")
                .set(MAILING_OUTBOX.STATUS, "SENT")
                .set(MAILING_OUTBOX.PROVIDER_ID, providerId)
                .set(MAILING_OUTBOX.QUEUED_AT, clock.instant())
                .set(MAILING_OUTBOX.SENT_AT, clock.instant())
                .returning(MAILING_OUTBOX.ID)
                .fetchOne(MAILING_OUTBOX.ID);
    }

    private static OutgoingMessage sms(long outboxId, String phone, String text) {
        return new OutgoingMessage(outboxId, Channel.SMS, phone, null, text, null, List.of(), Map.of(), null);
    }

    /** The centre's side: takes every submit_sm and answers with a fresh message id. */
    private final class Centre implements ServerMessageReceiverListener {
        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            submitted.add(submitSm);
            try {
                return new SubmitSmResult(
                        new MessageId(Integer.toHexString(ids.incrementAndGet())), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
