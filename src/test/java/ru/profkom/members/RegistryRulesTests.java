package ru.profkom.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.profkom.members.RegistryRules.Meeting;
import ru.profkom.members.RegistryRules.Place;
import ru.profkom.shared.Scope;

class RegistryRulesTests {

    private static final Scope REGION_A = Scope.ofPaths(List.of("/1/2/"));
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static Place place(long id, String path, boolean open, int hoursAfter) {
        return new Place(id, path, open, T0.plusSeconds(3600L * hoursAfter));
    }

    @Test
    void staffCoveringEveryOpenMembershipMayChangeThePerson() {
        assertThat(RegistryRules.meet(REGION_A, List.of(place(1, "/1/2/5/", true, 0))))
                .isEqualTo(Meeting.MAY_CHANGE);
        assertThat(RegistryRules.meet(REGION_A, List.of(place(1, "/1/9/5/", false, 0), place(2, "/1/2/5/", true, 1))))
                .as("an earlier membership elsewhere does not matter while the open one is ours")
                .isEqualTo(Meeting.MAY_CHANGE);
    }

    @Test
    void anOpenMembershipOutsideTheScopeBecomesATransferRequest() {
        List<Place> places = List.of(place(1, "/1/2/5/", false, 0), place(2, "/1/9/5/", true, 1));

        assertThat(RegistryRules.meet(REGION_A, places)).isEqualTo(Meeting.TRANSFER_REQUEST);
        assertThat(RegistryRules.mayChange(REGION_A, places)).isFalse();
        assertThat(RegistryRules.holder(REGION_A, places))
                .get()
                .extracting(Place::membershipId)
                .isEqualTo(2L);
    }

    @Test
    void aPersonWhoLeftBelongsToTheOrganizationOfTheLastMembership() {
        List<Place> leftB = List.of(place(1, "/1/2/5/", false, 0), place(2, "/1/9/5/", false, 1));
        List<Place> leftA = List.of(place(1, "/1/9/5/", false, 0), place(2, "/1/2/5/", false, 1));

        assertThat(RegistryRules.meet(REGION_A, leftB)).isEqualTo(Meeting.REGISTER_ANEW);
        assertThat(RegistryRules.meet(REGION_A, leftA)).isEqualTo(Meeting.MAY_CHANGE);
        assertThat(RegistryRules.meet(REGION_A, List.of())).isEqualTo(Meeting.REGISTER_ANEW);
    }

    @Test
    void theSystemMayChangeAnyone() {
        assertThat(RegistryRules.meet(Scope.EVERYTHING, List.of(place(2, "/1/9/5/", true, 1))))
                .isEqualTo(Meeting.MAY_CHANGE);
    }

    @Test
    void aRowBelongsToTheMembershipInForceWhenItWasWritten() {
        // Left B (region 9), registered anew in A two hours later.
        List<Place> places = List.of(place(1, "/1/9/5/", false, 0), place(2, "/1/2/5/", true, 2));

        assertThat(RegistryRules.writtenInScope(REGION_A, places, T0.plusSeconds(3600)))
                .isFalse();
        assertThat(RegistryRules.writtenInScope(REGION_A, places, T0.plusSeconds(7200)))
                .as("written with the new membership")
                .isTrue();
        assertThat(RegistryRules.writtenInScope(REGION_A, places, T0.minusSeconds(1)))
                .as("before any membership: the first one's")
                .isFalse();
        assertThat(RegistryRules.writtenInScope(Scope.EVERYTHING, places, T0)).isTrue();
        assertThat(RegistryRules.visible(REGION_A, places)).isTrue();
        assertThat(RegistryRules.visible(REGION_A, places.subList(0, 1))).isFalse();
    }
}
