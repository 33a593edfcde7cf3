package ru.profkom.settings;

import static profkom.schema.Tables.INSTALLATION_SETTING;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import profkom.schema.tables.records.InstallationSettingRecord;

@Repository
class SettingsRepository {

    private final DSLContext dsl;

    SettingsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<InstallationSettingRecord> find(String name) {
        return dsl.selectFrom(INSTALLATION_SETTING)
                .where(INSTALLATION_SETTING.NAME.eq(name))
                .fetchOptional();
    }

    /** Writes the value, or removes the setting when {@code value} is null. */
    void save(String name, String value, Instant at, String by) {
        if (value == null) {
            dsl.deleteFrom(INSTALLATION_SETTING)
                    .where(INSTALLATION_SETTING.NAME.eq(name))
                    .execute();
            return;
        }
        int updated = dsl.update(INSTALLATION_SETTING)
                .set(INSTALLATION_SETTING.SETTING_VALUE, value)
                .set(INSTALLATION_SETTING.UPDATED_AT, at)
                .set(INSTALLATION_SETTING.UPDATED_BY, by)
                .where(INSTALLATION_SETTING.NAME.eq(name))
                .execute();
        if (updated == 0) {
            dsl.insertInto(INSTALLATION_SETTING)
                    .set(INSTALLATION_SETTING.NAME, name)
                    .set(INSTALLATION_SETTING.SETTING_VALUE, value)
                    .set(INSTALLATION_SETTING.UPDATED_AT, at)
                    .set(INSTALLATION_SETTING.UPDATED_BY, by)
                    .execute();
        }
    }
}
