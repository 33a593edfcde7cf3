package ru.profkom.mailings.tracking;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether an open (a fetch of the pixel) or a click was made by a machine rather than by the person, Spring-free.
 * A machine event is still answered (the image, the redirect) but does not count as opened or clicked; the row
 * keeps how many machine opens there were. The rule, in this order:
 *
 * <ol>
 *   <li>within {@link #TOO_SOON} of the hand-over to the relay: the receiving server or a security gateway
 *       fetching every image and link of an incoming message before anyone could read it;
 *   <li>no {@code User-Agent}, or exactly {@code Mozilla/5.0}: Apple Mail Privacy Protection, which loads every
 *       image of a received message through Apple's proxies with that bare agent whether or not it is read;
 *   <li>an agent naming a link scanner or an HTTP library ({@link #MACHINE_AGENTS}: Barracuda, Mimecast,
 *       Proofpoint, Microsoft's Safe Links, bots and previews, {@code curl}, {@code python-requests} ...);
 *   <li>an address in Apple's networks ({@link #MACHINE_NETWORKS}: 17.0.0.0/8 and Apple's IPv6 blocks), where
 *       the Privacy Protection proxies fetch from.
 * </ol>
 *
 * Mail services that proxy images only when the message is opened (Gmail's {@code GoogleImageProxy}, Yandex,
 * Mail.ru) are people: their opens count.
 */
public final class MachineOpenRule {

    /** An open or click sooner than this after sending is a server's or a scanner's, not a reader's. */
    public static final Duration TOO_SOON = Duration.ofSeconds(10);

    /** Apple Mail Privacy Protection's agent, exactly. */
    static final String APPLE_PRIVACY_AGENT = "Mozilla/5.0";

    /** Fragments of agents of link scanners, security gateways, crawlers and HTTP libraries (lower case). */
    static final List<String> MACHINE_AGENTS = List.of(
            "bot",
            "spider",
            "crawl",
            "preview",
            "scanner",
            "barracuda",
            "mimecast",
            "proofpoint",
            "messagelabs",
            "symantec",
            "trendmicro",
            "trend micro",
            "forcepoint",
            "fortiguard",
            "sophos",
            "ironport",
            "safelinks",
            "safe links",
            "linkcheck",
            "python-requests",
            "python-urllib",
            "curl/",
            "wget/",
            "go-http-client",
            "java/",
            "okhttp",
            "apache-httpclient",
            "headlesschrome",
            "phantomjs");

    /** Apple's own networks, where Mail Privacy Protection fetches images from. */
    static final List<String> MACHINE_NETWORKS = List.of("17.0.0.0/8", "2620:149::/32", "2a01:b740::/32");

    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final List<Network> NETWORKS =
            MACHINE_NETWORKS.stream().map(Network::parse).toList();

    private MachineOpenRule() {}

    /**
     * @param sentAt when the relay took the message (null when not known: the delay is not judged)
     * @param at when the open or click came
     * @param userAgent the request's {@code User-Agent}, or null
     * @param remoteAddress the client's address as the trusted proxies give it, or null
     */
    public static boolean isMachine(Instant sentAt, Instant at, String userAgent, String remoteAddress) {
        if (sentAt != null && at.isBefore(sentAt.plus(TOO_SOON))) {
            return true;
        }
        String agent = userAgent == null ? "" : userAgent.strip();
        if (agent.isEmpty() || agent.equals(APPLE_PRIVACY_AGENT)) {
            return true;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        if (MACHINE_AGENTS.stream().anyMatch(lower::contains)) {
            return true;
        }
        return inMachineNetwork(remoteAddress);
    }

    static boolean inMachineNetwork(String remoteAddress) {
        if (remoteAddress == null || !ADDRESS_LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        InetAddress address;
        try {
            // a literal only (checked above): no name is ever looked up
            address = InetAddress.getByName(remoteAddress);
        } catch (UnknownHostException e) {
            return false;
        }
        return NETWORKS.stream().anyMatch(network -> network.contains(address));
    }

    private record Network(byte[] prefix, int bits) {

        static Network parse(String cidr) {
            String[] parts = cidr.split("/");
            try {
                return new Network(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            int width = bytes.length * 8;
            BigInteger mask = BigInteger.ONE
                    .shiftLeft(width)
                    .subtract(BigInteger.ONE)
                    .shiftRight(bits)
                    .not();
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, prefix).and(mask));
        }
    }
}
