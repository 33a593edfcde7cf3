package ru.profkom.members.imports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.MemberChangeRecord;
import profkom.schema.tables.records.MemberImportChunkRecord;
import profkom.schema.tables.records.MemberImportProblemRecord;
import profkom.schema.tables.records.MemberImportRecord;
import profkom.schema.tables.records.MembershipRecord;
import profkom.schema.tables.records.PersonRecord;
import ru.profkom.members.HistoryRepository;
import ru.profkom.members.MemberEnums.Category;
import ru.profkom.members.MemberEnums.MembershipStatus;
import ru.profkom.members.MemberEvents.MemberUpdated;
import ru.profkom.members.MemberEvents.MembersImported;
import ru.profkom.members.MemberIds;
import ru.profkom.members.MemberRepository;
import ru.profkom.members.PersonData;
import ru.profkom.members.Registration;
import ru.profkom.members.RegistryRules;
import ru.profkom.members.TransferSource;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.MoscowTime;
import ru.profkom.shared.ProfkomException.Problem;
import ru.profkom.shared.Scope;

/**
 * Applies one chunk of an import inside the caller's transaction, with a handful of statements
 * whatever the chunk's size: the registry's people for the chunk's SNILS and names are read in two
 * queries, new people and memberships are inserted in bulk, and the chunk is marked applied in the
 * same transaction. People found in the registry are updated one by one, which is rare after the
 * first import and costs nothing when the file brings no change.
 */
@Component
class MemberImportApplier {

    /** Where the person's name goes in a history note formatted once per organization. */
    private static final String NAME_SLOT = "\u0000";

    private final MemberImportRepository imports;
    private final MemberRepository registry;
    private final Registration registration;
    private final HistoryRepository history;
    private final Organizations organizations;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberImportApplier(
            MemberImportRepository imports,
            MemberRepository registry,
            Registration registration,
            HistoryRepository history,
            Organizations organizations,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.imports = imports;
        this.registry = registry;
        this.registration = registration;
        this.history = history;
        this.organizations = organizations;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** What one run of an import keeps between chunks: how to read rows, the organizations seen, the uploader. */
    final class Run {
        final MemberImportRecord record;
        final ImportRows rows;
        final Actor uploader;
        /**
         * Where the import may change people: the subtree of the organization it was uploaded to, whose access
         * was checked then. Anyone found with an open membership elsewhere becomes a transfer request.
         */
        final Scope scope;

        final Map<Long, Organization> organizationsById = new ConcurrentHashMap<>();
        /** The chunk the run's workers took last, guarded by the run: the next is looked for after it. */
        int lastChunk = -1;

        Run(MemberImportRecord record) {
            this.record = record;
            this.scope = Scope.ofPaths(List.of(record.getOrganizationPath()));
            Organization organization = organizations.get(record.getOrganizationId());
            organizationsById.put(organization.id(), organization);
            this.rows = new ImportRows(
                    clock,
                    organizations,
                    messages,
                    organization,
                    ImportParser.split(record.getHeader()),
                    MemberImports.mappingOf(record.getMapping()));
            // The history and the audit log name the person who uploaded the file, not the process.
            this.uploader = new Actor(
                    record.getCreatedBy(),
                    record.getCreatedByLogin() == null ? "system" : record.getCreatedByLogin(),
                    null,
                    List.of(),
                    record.getCreatedBy() == null);
        }

        Organization organization(long id) {
            return organizationsById.computeIfAbsent(id, organizations::get);
        }
    }

    /** The counts a chunk adds to its import. */
    record Counts(int imported, int updated, int unchanged, int failed) {

        int processed() {
            return imported + updated + unchanged + failed;
        }
    }

    Run start(MemberImportRecord record) {
        return new Run(record);
    }

    /**
     * Applies the chunk, or only its line {@code onlyLine} when a chunk failed and its rows are
     * tried one by one; null when another process applied the chunk first.
     */
    Counts apply(Run run, MemberImportChunkRecord chunk, Integer onlyLine) {
        long importId = run.record.getId();
        if (onlyLine == null && !imports.markApplied(importId, chunk.getChunkNo())) {
            return null;
        }
        Set<Integer> skipped = imports.problemLines(importId, chunk.getFirstLine(), chunk.getLastLine());
        List<ImportRows.Checked> rows = new ArrayList<>();
        List<MemberImportProblemRecord> failed = new ArrayList<>();
        for (ParsedTable.Line line : ImportParser.splitLines(chunk.getLines())) {
            if (skipped.contains(line.number()) || onlyLine != null && line.number() != onlyLine) {
                continue;
            }
            ImportRows.Checked row = run.rows.check(line);
            if (row.valid()) {
                rows.add(row);
            } else {
                failed.add(failure(run, row));
            }
        }
        Map<ImportRows.Checked, PersonRecord> matches = registration.findSame(rows, ImportRows.Checked::clean);
        Set<Long> matchedIds = new HashSet<>();
        matches.values().forEach(person -> matchedIds.add(person.getId()));
        Set<Long> current = registry.withCurrentMembership(matchedIds);
        Map<Long, List<RegistryRules.Place>> placesByPerson = registration.placesOf(matchedIds);
        Map<String, Long> cardHolders = registry.cardHolders(rows.stream()
                .map(ImportRows.Checked::card)
                .filter(Objects::nonNull)
                .toList());

        Instant now = clock.instant();
        LocalDate today = MoscowTime.dateOf(now);
        int updated = 0;
        int unchanged = 0;
        int transferRequests = 0;
        Set<Long> seen = new HashSet<>();
        List<ImportRows.Checked> newPeople = new ArrayList<>();
        List<Join> joins = new ArrayList<>();
        for (ImportRows.Checked row : rows) {
            PersonRecord existing = matches.get(row);
            Long holder = row.card() == null ? null : cardHolders.get(row.card());
            if (existing == null) {
                if (holder != null) {
                    row.problems().add(new Problem("cardNumber", "member.card.taken", row.card()));
                    failed.add(failure(run, row));
                } else {
                    newPeople.add(row);
                }
                continue;
            }
            if (!seen.add(existing.getId())) {
                row.problems().add(new Problem(null, "member.import.samePersonTwice"));
                failed.add(failure(run, row));
                continue;
            }
            Registration.Found found = new Registration.Found(
                    existing, RegistryRules.meet(run.scope, placesByPerson.getOrDefault(existing.getId(), List.of())));
            if (found.meeting() == RegistryRules.Meeting.TRANSFER_REQUEST) {
                // Before the card check: nothing of a person held elsewhere is changed or told, not even their card.
                registration.fileTransferRequest(
                        existing.getId(),
                        row.clean(),
                        run.organization(row.organizationId()),
                        row.category(),
                        row.joinedOn(),
                        TransferSource.IMPORT,
                        importId,
                        row.line().number(),
                        run.uploader,
                        now);
                transferRequests++;
                continue;
            }
            if (holder != null && holder != existing.getId().longValue()) {
                row.problems().add(new Problem("cardNumber", "member.card.taken", row.card()));
                failed.add(failure(run, row));
                continue;
            }
            Organization organization = run.organization(row.organizationId());
            int changed = registration.updateFound(found, row.clean(), run.uploader, now);
            if (changed > 0) {
                events.publishEvent(new MemberUpdated(
                        existing.getId(), organization.id(), organization.path(), changed, run.uploader));
            }
            if (current.contains(existing.getId())) {
                if (changed > 0) {
                    updated++;
                } else {
                    unchanged++;
                }
                continue;
            }
            if (holder != null) {
                // The person's own card from an earlier membership moves to the new one.
                registry.releaseCardNumber(row.card());
            }
            updated++;
            joins.add(new Join(existing.getId(), row, false));
        }

        long nextPerson = newPeople.isEmpty() ? 0 : registry.takeIds(MemberIds.PERSON, newPeople.size());
        List<PersonRecord> people = new ArrayList<>(newPeople.size());
        for (ImportRows.Checked row : newPeople) {
            long personId = nextPerson++;
            people.add(MemberRepository.newPerson(personId, row.clean(), RegistryRules.nameKey(row.clean()), now));
            joins.add(new Join(personId, row, true));
        }
        long nextMembership = joins.isEmpty() ? 0 : registry.takeIds(MemberIds.MEMBERSHIP, joins.size());
        List<MembershipRecord> memberships = new ArrayList<>(joins.size());
        List<MemberChangeRecord> changes = new ArrayList<>(joins.size());
        // One history row for a person the import creates, naming the membership; two would double the
        // history table's largest write. A person already in the registry gets the membership row alone.
        Map<Long, String> createdNotes = new HashMap<>();
        for (Join join : joins) {
            ImportRows.Checked row = join.row();
            PersonData clean = row.clean();
            Organization organization = run.organization(row.organizationId());
            Category category = row.category() == null ? Category.WORKER : row.category();
            LocalDate joinedOn = row.joinedOn() == null ? today : row.joinedOn();
            long membershipId = nextMembership++;
            memberships.add(MemberRepository.newMembership(
                    membershipId,
                    join.personId(),
                    organization,
                    RegistryRules.nameKey(clean),
                    MembershipStatus.ACTIVE,
                    category,
                    joinedOn,
                    row.card(),
                    now));
            if (join.created()) {
                String note = createdNotes.computeIfAbsent(
                        organization.id(),
                        id -> text(
                                "member.import.historyCreated",
                                NAME_SLOT,
                                organization.shortName(),
                                importId,
                                run.record.getFileName()));
                changes.add(change(
                        run,
                        join.personId(),
                        "created",
                        note.replace(NAME_SLOT, clean.lastName() + " " + clean.firstName()),
                        now));
            } else {
                changes.add(change(
                        run,
                        join.personId(),
                        "membership",
                        organization.shortName() + " (" + MembershipStatus.ACTIVE + ")",
                        now));
            }
        }
        registry.insertPersons(people);
        registry.insertMemberships(memberships);
        history.insertChanges(changes);
        imports.insertProblems(failed);
        if (transferRequests > 0) {
            imports.addTransferRequests(importId, transferRequests);
        }
        if (!memberships.isEmpty() || updated > 0) {
            // Ids of one chunk are consecutive: the event names the range, read models fetch the rows.
            events.publishEvent(new MembersImported(
                    importId,
                    run.record.getOrganizationId(),
                    run.record.getOrganizationPath(),
                    memberships.isEmpty() ? 0 : memberships.getFirst().getId(),
                    memberships.isEmpty() ? -1 : memberships.getLast().getId(),
                    memberships.size(),
                    updated
                            - (int) joins.stream()
                                    .filter(join -> !join.created())
                                    .count(),
                    run.uploader));
        }
        return new Counts(people.size(), updated, unchanged, failed.size());
    }

    /** Records that a row of a failed chunk could not be applied at all. */
    MemberImportProblemRecord unappliable(long importId, ParsedTable.Line line) {
        return ImportChecks.problem(
                importId,
                line,
                MemberImportRepository.FAILED,
                text("member.import.problem.row", line.number(), text("member.import.row.failed")));
    }

    private record Join(long personId, ImportRows.Checked row, boolean created) {}

    private MemberImportProblemRecord failure(Run run, ImportRows.Checked row) {
        return ImportChecks.problem(
                run.record.getId(),
                row.line(),
                MemberImportRepository.FAILED,
                run.rows.describe(row.line().number(), row.problems()));
    }

    private static MemberChangeRecord change(Run run, long personId, String field, String newValue, Instant now) {
        MemberChangeRecord change = new MemberChangeRecord();
        change.setPersonId(personId);
        change.setOccurredAt(now);
        change.setActorId(run.uploader.accountId());
        change.setActorLogin(run.uploader.login());
        change.setField(field);
        change.setNewValue(HistoryRepository.abbreviate(newValue));
        return change;
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, MemberImports.RUSSIAN);
    }
}
