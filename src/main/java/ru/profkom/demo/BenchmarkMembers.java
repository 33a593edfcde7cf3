package ru.profkom.demo;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Synthetic members for the statistics benchmark on PostgreSQL: one INSERT … SELECT generate_series per
 * table, spread over the primary organizations, with birth dates, genders, categories, joins since 1985
 * and exits for about one in seven. No events are published: the benchmark's recount builds the
 * statistics from them. Persons are recognised by their name key {@code бенч…}.
 */
@Component
class BenchmarkMembers {

    private final DSLContext dsl;

    BenchmarkMembers(DSLContext dsl) {
        this.dsl = dsl;
    }

    long count() {
        return dsl.fetchOne("select count(*) from person where name_key like 'бенч%'")
                .get(0, Long.class);
    }

    @Transactional
    long addUpTo(long total) {
        if (dsl.dialect().family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException("Синтетические члены для замера загружаются только в PostgreSQL (--db)");
        }
        long existing = count();
        long missing = total - existing;
        if (missing <= 0) {
            return 0;
        }
        // Ids come from the registry's id blocks, as for every insert of these tables (see MemberIds).
        long firstPerson = takeIds("person", missing);
        dsl.execute("""
                insert into person (id, last_name, first_name, name_key, birth_date, gender, created_at, updated_at, version)
                select ? + g - 1, 'Бенчмарков', 'Член', 'бенч ' || g, date '1950-01-01' + (random() * 20000)::int,
                       case when random() < 0.62 then 'F' when random() < 0.97 then 'M' else null end, now(), now(), 0
                from generate_series(1, ?) g
                """, firstPerson, missing);
        long firstMembership = takeIds("membership", missing);
        dsl.execute("""
                with orgs as (
                    select id, path, row_number() over (order by id) - 1 as n from organization where kind = 'PRIMARY'
                ), total as (select count(*) as c from orgs),
                people as (
                    select p.id, row_number() over (order by p.id) as n
                    from person p where p.name_key like 'бенч%'
                    and not exists (select 1 from membership m where m.person_id = p.id)
                ), dated as (
                    select people.id, people.n, o.id as org, o.path,
                           date '1985-01-01' + (random() * (current_date - date '1985-01-01'))::int as joined,
                           random() as r
                    from people join total on true join orgs o on o.n = people.n % total.c
                )
                insert into membership (id, person_id, organization_id, organization_path, name_key, status, category,
                                        joined_on, exited_on, exit_reason, created_at, updated_at)
                select ? + n - 1, id, org, path, 'бенч ' || n,
                       case when r < 0.15 then 'EXITED' else 'ACTIVE' end,
                       (array['WORKER','WORKER','WORKER','WORKER','WORKER','WORKER','WORKER','STUDENT','PENSIONER','UNEMPLOYED'])[1 + (n % 10)::int],
                       joined,
                       case when r < 0.15 then joined + (random() * (current_date - joined))::int end,
                       case when r < 0.15 then (array['OWN_WISH','DISMISSAL','RETIREMENT','DEATH','EXPULSION'])[1 + (n % 5)::int] end,
                       now(), now()
                from dated
                """, firstMembership);
        dsl.execute("analyze person");
        dsl.execute("analyze membership");
        return missing;
    }

    private long takeIds(String name, long count) {
        return dsl.fetchOne(
                        "update member_id_block set next_id = next_id + ? where name = ? returning next_id - ?",
                        count,
                        name,
                        count)
                .get(0, Long.class);
    }
}
