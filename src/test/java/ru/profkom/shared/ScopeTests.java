package ru.profkom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopeTests {

    private static final Map<Long, String> PATHS = Map.of(1L, "/1/", 5L, "/1/5/", 77L, "/1/5/77/", 9L, "/1/9/");

    private static Scope scopeOf(Grant... grants) {
        Actor actor = new Actor(10L, "someone", null, List.of(grants), false);
        return Scope.of(actor, id -> Optional.ofNullable(PATHS.get(id)));
    }

    @Test
    void coversTheSubtreesOfStaffGrantsOnly() {
        Scope scope = scopeOf(new Grant(5, Role.INFO_WORKER), new Grant(9, Role.MEMBER));

        assertThat(scope.covers("/1/5/")).isTrue();
        assertThat(scope.covers("/1/5/77/")).isTrue();
        assertThat(scope.covers("/1/9/"))
                .as("a member's grant gives no subtree")
                .isFalse();
        assertThat(scope.covers("/1/")).isFalse();
        assertThat(scope.covers("/1/50/"))
                .as("a sibling whose id starts with the same digits")
                .isFalse();
        assertThat(scope.roots()).containsExactly("/1/5/");
    }

    @Test
    void coversAllOnlyWhenEveryPathLiesInside() {
        Scope scope = scopeOf(new Grant(5, Role.CHAIR));

        assertThat(scope.coversAll(List.of("/1/5/77/", "/1/5/"))).isTrue();
        assertThat(scope.coversAll(List.of("/1/5/77/", "/1/9/"))).isFalse();
        assertThat(scope.coversAll(List.of())).isTrue();
    }

    @Test
    void namesTheOrganizationsAboveAGrantForTheStatistics() {
        Scope scope = scopeOf(new Grant(77, Role.CHAIR));

        assertThat(scope.isAncestorOfGrant("/1/")).isTrue();
        assertThat(scope.isAncestorOfGrant("/1/5/")).isTrue();
        assertThat(scope.isAncestorOfGrant("/1/9/")).isFalse();
        assertThat(scope.readsStatisticsOf("/1/5/77/")).isTrue();
        assertThat(scope.readsStatisticsOf("/1/9/")).isFalse();
    }

    @Test
    void keepsOneRootWhenGrantsNest() {
        Scope scope = scopeOf(new Grant(77, Role.CHAIR), new Grant(5, Role.ORG_ADMIN), new Grant(5, Role.CHAIR));

        assertThat(scope.roots()).containsExactly("/1/5/");
    }

    @Test
    void theSystemCoversEverythingAndAMemberNothing() {
        assertThat(Scope.of(Actor.SYSTEM, id -> Optional.empty()).covers("/1/9/"))
                .isTrue();
        assertThat(Scope.EVERYTHING.paths()).containsExactly("/");
        Scope member = scopeOf(new Grant(9, Role.MEMBER));
        assertThat(member.isEmpty()).isTrue();
        assertThat(member.covers("/1/9/")).isFalse();
        assertThat(Scope.of(Actor.ANONYMOUS, id -> Optional.empty()).isEmpty()).isTrue();
    }

    @Test
    void narrowsToTheGrantsWhoseRolePasses() {
        Actor actor = new Actor(
                10L,
                "someone",
                null,
                List.of(new Grant(5, Role.INFO_WORKER), new Grant(9, Role.ORG_ADMIN), new Grant(77, Role.MEMBER)),
                false);

        Scope administers = Scope.of(actor, id -> Optional.ofNullable(PATHS.get(id)), Role::administers);
        Scope edits = Scope.of(actor, id -> Optional.ofNullable(PATHS.get(id)), Role::editsOrganizationCard);
        Scope anyRole = Scope.of(actor, id -> Optional.ofNullable(PATHS.get(id)), role -> true);

        assertThat(administers.roots()).containsExactly("/1/9/");
        assertThat(administers.covers("/1/5/77/")).isFalse();
        assertThat(edits.roots()).containsExactly("/1/5/", "/1/9/");
        assertThat(anyRole.covers("/1/5/77/"))
                .as("a member's grant gives no subtree, whatever the filter")
                .isTrue();
        assertThat(anyRole.roots()).containsExactly("/1/5/", "/1/9/");
    }

    @Test
    void refusesAPathThatIsNotATreePath() {
        assertThatThrownBy(() -> Scope.ofPaths(List.of("/1/5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
