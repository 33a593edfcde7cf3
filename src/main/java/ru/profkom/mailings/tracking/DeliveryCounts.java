package ru.profkom.mailings.tracking;

/**
 * What happened to a set of outbox rows (a mailing, or its rows in one organization). Every row is in exactly one
 * of {@code pending}, {@code delivered}, {@code sentUnconfirmed}, {@code failed} and {@code unknown}; {@code opened},
 * {@code clicked}, {@code unsubscribed} and {@code bounced} count rows among them (a bounced row is failed).
 *
 * @param pending queued or being sent
 * @param delivered sent, and for SMS confirmed by a delivery receipt (e-mail, Telegram and VK: taken by the peer)
 * @param sentUnconfirmed an SMS the centre took whose receipt has not come
 * @param opened opened by the person (the pixel or a click; machine opens not counted)
 * @param machineOpenedOnly opened only by machines (a scanner, Apple Mail Privacy Protection)
 * @param bounced returned by the recipient's mail server
 * @param failed refused by the channel or bounced
 * @param unknown a run died while sending them: they may or may not have gone out
 */
public record DeliveryCounts(
        long total,
        long pending,
        long delivered,
        long sentUnconfirmed,
        long opened,
        long machineOpenedOnly,
        long clicked,
        long unsubscribed,
        long bounced,
        long failed,
        long unknown) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public DeliveryCounts plus(DeliveryCounts other) {
        return new DeliveryCounts(
                total + other.total,
                pending + other.pending,
                delivered + other.delivered,
                sentUnconfirmed + other.sentUnconfirmed,
                opened + other.opened,
                machineOpenedOnly + other.machineOpenedOnly,
                clicked + other.clicked,
                unsubscribed + other.unsubscribed,
                bounced + other.bounced,
                failed + other.failed,
                unknown + other.unknown);
    }

    /** Delivered of all rows, whole percent rounded down (0 for none): the mailing's reach. */
    public int deliveredPercent() {
        return percent(delivered, total);
    }

    /** Opened of delivered, whole percent. */
    public int openedPercent() {
        return percent(opened, delivered);
    }

    /** Clicked of delivered, whole percent. */
    public int clickedPercent() {
        return percent(clicked, delivered);
    }

    private static int percent(long part, long whole) {
        return whole == 0 ? 0 : (int) (part * 100 / whole);
    }
}
