package ru.profkom.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.profkom.members.MemberEnums.ExitReason;
import ru.profkom.members.MemberEnums.Gender;
import ru.profkom.members.MembershipFacts;

/**
 * Changes of the counters per organization and day, netted in memory before they are written: an
 * event that moves a membership's contribution (an exit, a category change) writes only what differs.
 * A membership contributes from the day it joined to the day it exited: members, the join (or a
 * transfer in), its category and gender; the exit with its reason; and youth from joining until it
 * ends, at exit or when the member ages out of youth (see {@link Youth}), whichever comes first.
 */
final class Changes {

    static final List<String> COLUMNS = List.of(
            "members",
            "joined",
            "transfers_in",
            "transfers_out",
            "exited_own_wish",
            "exited_dismissal",
            "exited_retirement",
            "exited_death",
            "exited_expulsion",
            "worker",
            "student",
            "pensioner",
            "unemployed",
            "men",
            "women",
            "youth");

    static final int MEMBERS = 0;
    static final int JOINED = 1;
    static final int TRANSFERS_IN = 2;
    static final int TRANSFERS_OUT = 3;
    /** The first exit column; the others follow in the order of {@link ExitReason}. */
    static final int EXITED = 4;
    /** The first category column; the others follow in the order of the categories. */
    static final int CATEGORY = 9;

    static final int MEN = 13;
    static final int WOMEN = 14;
    static final int YOUTH = 15;
    static final int WIDTH = COLUMNS.size();

    record Key(long organizationId, LocalDate day) {}

    private final Map<Key, long[]> rows = new HashMap<>();

    /** Adds ({@code sign} 1) or takes back ({@code sign} -1) what a membership contributes. */
    Changes add(MembershipFacts facts, int sign) {
        if (facts == null || !facts.counted()) {
            return this;
        }
        long org = facts.organizationId();
        LocalDate joined = facts.joinedOn();
        LocalDate exited = facts.exitedOn();
        add(org, joined, MEMBERS, sign);
        add(org, joined, facts.transferredIn() ? TRANSFERS_IN : JOINED, sign);
        add(org, joined, CATEGORY + facts.category().ordinal(), sign);
        int gender = genderColumn(facts.gender());
        if (gender >= 0) {
            add(org, joined, gender, sign);
        }
        if (exited != null) {
            add(org, exited, MEMBERS, -sign);
            add(org, exited, exitColumn(facts.exitReason()), sign);
            add(org, exited, CATEGORY + facts.category().ordinal(), -sign);
            if (gender >= 0) {
                add(org, exited, gender, -sign);
            }
        }
        if (facts.birthDate() != null) {
            LocalDate agedOut = agesOutOfYouth(facts.birthDate());
            LocalDate youthEnds = exited == null || agedOut.isBefore(exited) ? agedOut : exited;
            if (joined.isBefore(youthEnds)) {
                add(org, joined, YOUTH, sign);
                add(org, youthEnds, YOUTH, -sign);
            }
        }
        return this;
    }

    /** The first day a member born on that date is no longer youth. */
    static LocalDate agesOutOfYouth(LocalDate birthDate) {
        return YearMonth.from(birthDate)
                .plusYears(Youth.AGE_LIMIT)
                .plusMonths(1)
                .atDay(1);
    }

    static int genderColumn(Gender gender) {
        if (gender == null) {
            return -1;
        }
        return gender == Gender.M ? MEN : WOMEN;
    }

    static int exitColumn(ExitReason reason) {
        if (reason == ExitReason.TRANSFER) {
            return TRANSFERS_OUT;
        }
        return EXITED + (reason == null ? ExitReason.OWN_WISH : reason).ordinal();
    }

    void add(long organizationId, LocalDate day, int column, long value) {
        rows.computeIfAbsent(new Key(organizationId, day), key -> new long[WIDTH])[column] += value;
    }

    void add(long organizationId, LocalDate day, long[] values) {
        long[] row = rows.computeIfAbsent(new Key(organizationId, day), key -> new long[WIDTH]);
        for (int i = 0; i < WIDTH; i++) {
            row[i] += values[i];
        }
    }

    /** The rows where something changed, in no particular order. */
    Map<Key, long[]> nonZero() {
        Map<Key, long[]> result = new LinkedHashMap<>();
        rows.forEach((key, values) -> {
            if (!isZero(values)) {
                result.put(key, values);
            }
        });
        return result;
    }

    static boolean isZero(long[] values) {
        for (long value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }
}
