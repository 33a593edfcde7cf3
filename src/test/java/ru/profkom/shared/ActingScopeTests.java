package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A block run as an account or as the system: the innermost wins, and leaving it restores the outer one. */
class ActingScopeTests {

    private static final Actor CHAIR = new Actor(7L, "chair", null, List.of(new Grant(3, Role.CHAIR)), false);

    @Test
    void theInnermostBlockDecidesAndLeavingRestoresTheOuter() {
        assertThat(CurrentActor.scoped()).isEmpty();

        CurrentActor.as(CHAIR, () -> {
            assertThat(CurrentActor.scoped()).contains(CHAIR);
            assertThat(CurrentActor.insideSystemScope()).isFalse();
            CurrentActor.asSystem(() -> {
                assertThat(CurrentActor.scoped()).contains(Actor.SYSTEM);
                assertThat(CurrentActor.insideSystemScope()).isTrue();
            });
            assertThat(CurrentActor.scoped()).contains(CHAIR);
            return null;
        });
        CurrentActor.asSystem(() -> CurrentActor.as(CHAIR, () -> {
            assertThat(CurrentActor.insideSystemScope()).isFalse();
            return null;
        }));

        assertThat(CurrentActor.scoped()).isEmpty();
    }

    @Test
    void aFailingBlockLeavesNoActorBehind() {
        assertThatThrownBy(() -> CurrentActor.as(CHAIR, () -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(CurrentActor.scoped()).isEmpty();
    }

    @Test
    void onlyAnAccountIsActedFor() {
        assertThatThrownBy(() -> CurrentActor.as(Actor.SYSTEM, () -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CurrentActor.as(Actor.ANONYMOUS, () -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
