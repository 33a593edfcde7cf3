package ru.profkom.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The digital-maturity score, 0 to 100, five parts of 20 points each: an information worker appointed;
 * a site (or a page on the employer's site); at least one social network or messenger channel;
 * subscriber coverage (subscribers of all channels over the employers' headcount, full 20 points at
 * 50 % and proportionally below); at least one trained information worker. Rounded to whole points.
 */
public final class DigitalMaturity {

    private static final BigDecimal PART = BigDecimal.valueOf(20);

    private DigitalMaturity() {}

    public static BigDecimal score(boolean infoWorker, List<Channel> channels, Integer headcount, boolean trained) {
        BigDecimal score = BigDecimal.ZERO;
        if (infoWorker) {
            score = score.add(PART);
        }
        if (channels.stream().anyMatch(channel -> channel.kind() == Channel.Kind.SITE)) {
            score = score.add(PART);
        }
        if (channels.stream().anyMatch(channel -> channel.kind().social())) {
            score = score.add(PART);
        }
        if (headcount != null && headcount > 0 && !channels.isEmpty()) {
            BigDecimal coverage = BuiltInIndicators.coverage(BuiltInIndicators.subscribers(channels), headcount);
            score = score.add(PART.multiply(Target.atLeast(50).normalize(coverage)));
        }
        if (trained) {
            score = score.add(PART);
        }
        return score.setScale(0, RoundingMode.HALF_UP);
    }
}
