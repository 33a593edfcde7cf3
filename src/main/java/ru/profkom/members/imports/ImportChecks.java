package ru.profkom.members.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import profkom.schema.tables.records.MemberImportProblemRecord;
import profkom.schema.tables.records.MemberImportRecord;
import ru.profkom.members.MemberRepository;
import ru.profkom.members.PersonData;
import ru.profkom.members.RegistryRules;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.ProfkomException.Problem;

/**
 * The checks of a whole file on upload and after a new mapping: every row by the registry's rules, the same person
 * or card number twice within the file, and card numbers the registry holds for someone else. Nothing in the
 * registry changes; the lines are stored in chunks and the refused rows as the import's problems.
 */
@Component
class ImportChecks {

    private final MemberImportRepository repository;
    private final MemberRepository registry;
    private final Organizations organizations;
    private final MessageSource messages;
    private final Clock clock;

    ImportChecks(
            MemberImportRepository repository,
            MemberRepository registry,
            Organizations organizations,
            MessageSource messages,
            Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.organizations = organizations;
        this.messages = messages;
        this.clock = clock;
    }

    /** Hands the file's lines to the check a chunk at a time, saying whether to store the chunk. */
    interface Chunks {
        void each(java.util.function.BiConsumer<List<ParsedTable.Line>, Boolean> consumer);
    }

    /**
     * Checks every row, stores the lines in chunks (on upload) and the problem rows one by one.
     * Rows are checked in memory; card numbers against the registry a chunk at a time. The same
     * person twice in the file (by SNILS or by ФИО with birth date) or the same card number twice
     * refuses the later row.
     */
    void check(
            MemberImportRecord record,
            Organization organization,
            List<String> header,
            List<ImportField> mapping,
            Chunks chunks) {
        ImportRows rows = new ImportRows(clock, organizations, messages, organization, header, mapping);
        FirstLines bySnils = new FirstLines();
        FirstLines byName = new FirstLines();
        FirstLines byCard = new FirstLines();
        int[] counts = new int[3]; // total, valid, chunk number
        chunks.each((lines, store) -> {
            List<ImportRows.Checked> checked = new ArrayList<>(lines.size());
            for (ParsedTable.Line line : lines) {
                ImportRows.Checked row = rows.check(line);
                if (row.valid()) {
                    PersonData clean = row.clean();
                    duplicate(bySnils, clean.snils(), line.number(), "member.import.duplicate.snils", row);
                    if (clean.birthDate() != null) {
                        duplicate(
                                byName,
                                RegistryRules.nameKey(clean) + "|" + clean.birthDate(),
                                line.number(),
                                "member.import.duplicate.name",
                                row);
                    }
                    duplicate(byCard, row.card(), line.number(), "member.import.duplicate.card", row);
                }
                checked.add(row);
            }
            refuseCardsOfOthers(checked);
            List<MemberImportProblemRecord> problems = new ArrayList<>();
            for (ImportRows.Checked row : checked) {
                counts[0]++;
                if (row.valid()) {
                    counts[1]++;
                } else {
                    problems.add(problem(
                            record.getId(),
                            row.line(),
                            MemberImportRepository.REJECTED,
                            rows.describe(row.line().number(), row.problems())));
                }
            }
            if (store) {
                repository.insertChunk(
                        record.getId(),
                        counts[2],
                        lines.getFirst().number(),
                        lines.getLast().number(),
                        ImportParser.joinLines(lines));
            }
            counts[2]++;
            repository.insertProblems(problems);
        });
        record.setTotalRows(counts[0]);
        record.setValidRows(counts[1]);
        record.setRejected(counts[0] - counts[1]);
        repository.updateImport(record);
    }

    /** Who holds a card number: enough to tell whether an import row is the same person. */
    private record CardHolder(long personId, String snils, String nameKey, LocalDate birthDate) {

        /** The same SNILS, or the same folded ФИО with the same birth date, as the registry dedupes. */
        boolean isSamePerson(PersonData row) {
            return row.snils() != null && row.snils().equals(snils)
                    || row.birthDate() != null
                            && row.birthDate().equals(birthDate)
                            && RegistryRules.nameKey(row).equals(nameKey);
        }
    }

    private Map<String, CardHolder> cardHolders(java.util.Collection<String> cardNumbers) {
        Map<String, CardHolder> holders = new java.util.HashMap<>();
        for (org.jooq.Record r : registry.cardHoldersWithPersons(cardNumbers)) {
            holders.put(
                    r.get(profkom.schema.Tables.MEMBERSHIP.CARD_NUMBER),
                    new CardHolder(
                            r.get(profkom.schema.Tables.PERSON.ID),
                            r.get(profkom.schema.Tables.PERSON.SNILS),
                            r.get(profkom.schema.Tables.PERSON.NAME_KEY),
                            r.get(profkom.schema.Tables.PERSON.BIRTH_DATE)));
        }
        return holders;
    }

    /** A card number held in the registry by someone other than the row's person refuses the row. */
    private void refuseCardsOfOthers(List<ImportRows.Checked> rows) {
        List<String> cards = rows.stream()
                .filter(ImportRows.Checked::valid)
                .map(ImportRows.Checked::card)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (cards.isEmpty()) {
            return;
        }
        Map<String, CardHolder> holders = cardHolders(cards);
        for (ImportRows.Checked row : rows) {
            CardHolder holder = row.valid() && row.card() != null ? holders.get(row.card()) : null;
            if (holder != null && !holder.isSamePerson(row.clean())) {
                row.problems().add(new Problem("cardNumber", "member.card.taken", row.card()));
            }
        }
    }

    static MemberImportProblemRecord problem(long importId, ParsedTable.Line line, String stage, String errors) {
        MemberImportProblemRecord problem = new MemberImportProblemRecord();
        problem.setImportId(importId);
        problem.setLineNo(line.number());
        problem.setCells(ImportParser.join(line.cells()));
        problem.setStage(stage);
        problem.setErrors(errors);
        return problem;
    }

    private static void duplicate(FirstLines seen, String key, int line, String messageKey, ImportRows.Checked row) {
        if (key == null || key.isBlank()) {
            return;
        }
        int first = seen.putIfAbsent(key, line);
        if (first != 0) {
            row.problems().add(new Problem(null, messageKey, first));
        }
    }
}
