package ru.profkom.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.profkom.organizations.OrganizationKind;

/** The "changes nothing" checks of the other tests rest on this snapshot noticing a change. */
@ProfkomIntegrationTest
class DatabaseSnapshotTests {

    @Autowired
    DatabaseSnapshot database;

    @Autowired
    Fixture fixture;

    @Test
    void noticesANewRow() {
        var before = database.take();

        fixture.organization(fixture.territorialA2(), OrganizationKind.PRIMARY, "ППО, замеченная снимком");

        assertThatThrownBy(() -> database.assertUnchangedSince(before))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("organization");
    }

    @Test
    void acceptsAnUnchangedDatabase() {
        var before = database.take();

        database.assertUnchangedSince(before);
    }
}
