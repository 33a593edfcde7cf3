package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.profkom.support.Refusals.assertRefused;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.shared.ProfkomException;
import ru.profkom.shared.ProfkomException.Kind;

/** Every transition of a membership's status, allowed or refused, without Spring. */
class MembershipStatusTests {

    private static final MembershipStatus APPLICATION = MembershipStatus.APPLICATION;
    private static final MembershipStatus ACTIVE = MembershipStatus.ACTIVE;
    private static final MembershipStatus SUSPENDED = MembershipStatus.SUSPENDED;
    private static final MembershipStatus EXITED = MembershipStatus.EXITED;

    @Test
    void acceptsAnApplicationSuspendsAnActiveMemberAndResumesASuspendedOne() {
        assertThat(APPLICATION.afterAccept()).isEqualTo(ACTIVE);
        assertThat(ACTIVE.afterSuspend()).isEqualTo(SUSPENDED);
        assertThat(SUSPENDED.afterResume()).isEqualTo(ACTIVE);
    }

    @Test
    void changesToWhatStaffAskForOnlyAlongTheLifecycle() {
        // The allowed pairs: from → requested. Everything else is refused with both statuses named.
        Map<MembershipStatus, Set<MembershipStatus>> allowed = Map.of(
                APPLICATION, EnumSet.of(ACTIVE),
                ACTIVE, EnumSet.of(SUSPENDED),
                SUSPENDED, EnumSet.of(ACTIVE),
                EXITED, EnumSet.noneOf(MembershipStatus.class));
        for (MembershipStatus from : MembershipStatus.values()) {
            for (MembershipStatus requested : MembershipStatus.values()) {
                if (allowed.get(from).contains(requested)) {
                    assertThat(from.changeTo(requested))
                            .as(from + " → " + requested)
                            .isEqualTo(requested);
                } else {
                    ProfkomException refusal =
                            assertRefused(Kind.CONFLICT, "member.status.transition", () -> from.changeTo(requested));
                    assertThat(refusal.problems().getFirst().arguments())
                            .as(from + " → " + requested)
                            .containsExactly(from, requested);
                }
            }
        }
    }

    @Test
    void refusesAcceptingSuspendingOrResumingFromAnyOtherStatus() {
        for (MembershipStatus from : EnumSet.of(ACTIVE, SUSPENDED, EXITED)) {
            assertRefused(Kind.CONFLICT, "member.status.transition", from::afterAccept);
        }
        for (MembershipStatus from : EnumSet.of(APPLICATION, SUSPENDED, EXITED)) {
            assertRefused(Kind.CONFLICT, "member.status.transition", from::afterSuspend);
        }
        for (MembershipStatus from : EnumSet.of(APPLICATION, ACTIVE, EXITED)) {
            assertRefused(Kind.CONFLICT, "member.status.transition", from::afterResume);
        }
    }

    @Test
    void endsAnyMembershipOnceAndAnApplicationToo() {
        for (MembershipStatus from : EnumSet.of(APPLICATION, ACTIVE, SUSPENDED)) {
            assertThat(from.afterExit()).as(from.name()).isEqualTo(EXITED);
        }
        assertRefused(Kind.CONFLICT, "member.exit.already", EXITED::afterExit);
    }

    @Test
    void transfersACurrentMembershipKeepingItsStatus() {
        assertThat(ACTIVE.afterTransfer()).isEqualTo(ACTIVE);
        assertThat(SUSPENDED.afterTransfer()).isEqualTo(SUSPENDED);
        assertRefused(Kind.CONFLICT, "member.transfer.notCurrent", APPLICATION::afterTransfer);
        assertRefused(Kind.CONFLICT, "member.transfer.notCurrent", EXITED::afterTransfer);
    }

    @Test
    void startsAMembershipOnlyAsAnApplicationOrActive() {
        assertThat(EnumSet.allOf(MembershipStatus.class).stream().filter(MembershipStatus::startsMembership))
                .containsExactly(APPLICATION, ACTIVE);
        assertThat(EnumSet.allOf(MembershipStatus.class).stream().filter(MembershipStatus::current))
                .containsExactly(ACTIVE, SUSPENDED);
    }
}
