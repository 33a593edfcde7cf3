package ru.profkom.members.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import profkom.schema.tables.records.MemberImportProblemRecord;
import profkom.schema.tables.records.MemberImportRecord;
import ru.profkom.members.RegistryAccess;
import ru.profkom.members.RegistryRules;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/**
 * Imports members from CSV and XLSX files: upload (the file is read and every row checked, nothing
 * changes in the registry), an optional new mapping of columns, then apply (in the background, in
 * resumable chunks). An import is visible to the staff of the subtree holding its organization.
 *
 * <p>The checks of a whole file (duplicates within it, card numbers held by others) are {@link ImportChecks}',
 * applying a chunk is {@link MemberImportApplier}'s, the row rules are {@link RegistryRules}'.
 */
@Service
@Transactional
public class MemberImports {

    static final String NOT_FOUND = "member.import.notFound";
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter LEASE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss");

    private final MemberImportRepository repository;
    private final MemberImportRunner runner;
    private final ImportChecks checks;
    private final RegistryAccess access;
    private final Organizations organizations;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final Clock clock;
    /** Rows per stored chunk, and so per transaction when applying. */
    private int chunkRows = 1000;

    MemberImports(
            MemberImportRepository repository,
            MemberImportRunner runner,
            ImportChecks checks,
            RegistryAccess access,
            Organizations organizations,
            CurrentActor currentActor,
            MessageSource messages,
            Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.checks = checks;
        this.access = access;
        this.organizations = organizations;
        this.currentActor = currentActor;
        this.messages = messages;
        this.clock = clock;
    }

    /** An import as its pages show it: how the file was read, the mapping, the counts and the state. */
    public record MemberImport(
            long id,
            long organizationId,
            String fileName,
            String status,
            String encoding,
            String delimiter,
            List<String> header,
            List<ImportField> mapping,
            int totalRows,
            int validRows,
            int processedRows,
            int imported,
            int updated,
            int unchanged,
            int rejected,
            String failure,
            String createdBy,
            Instant createdAt,
            Instant finishedAt,
            int transferRequests,
            Lease lease) {

        /** Rows refused in the preview, before applying. */
        public int invalidRows() {
            return totalRows - validRows;
        }

        public int percent() {
            return validRows == 0 ? 100 : Math.min(100, processedRows * 100 / validRows);
        }

        public boolean applying() {
            return "APPLYING".equals(status);
        }

        public boolean finished() {
            return "DONE".equals(status) || "FAILED".equals(status);
        }
    }

    /**
     * Who applies an APPLYING import: the process holding its lease, since when and until when. {@code
     * here} when a thread of this server applies it; {@code resumableNow} when its holder is proven
     * stopped, and applying again takes it over at once; {@code note} says so in Russian (null while
     * this server applies it).
     */
    public record Lease(String holder, Instant since, Instant until, boolean here, boolean resumableNow, String note) {}

    /** A problem of a row, in Russian, with its line and column. */
    public record ImportProblem(int line, String text) {}

    // ---- commands ------------------------------------------------------------------------------

    /** Refuses, as absent, an organization outside the actor's subtrees: before a file is read. */
    @Transactional(readOnly = true)
    public void checkCanImport(long organizationId) {
        accessibleOrganization(organizationId);
    }

    /** Reads the file and checks every row; the registry does not change. */
    public MemberImport upload(long organizationId, String fileName, byte[] bytes) {
        return upload(organizationId, fileName, bytes, ImportParser.MAX_FILE_BYTES);
    }

    /**
     * The same for files up to {@code maxBytes}: the command line takes larger files than the web
     * for administrators migrating a whole union from 1C.
     */
    public MemberImport upload(long organizationId, String fileName, byte[] bytes, long maxBytes) {
        Organization organization = accessibleOrganization(organizationId);
        ParsedTable table = ImportParser.parse(bytes, maxBytes);
        Actor actor = currentActor.get();
        MemberImportRecord record = new MemberImportRecord();
        record.setOrganizationId(organizationId);
        record.setOrganizationPath(organization.path());
        record.setFileName(fileName == null || fileName.isBlank() ? "file" : truncate(fileName, 255));
        record.setStatus("PREVIEWED");
        record.setEncoding(table.encoding() == null ? table.format() : table.encoding());
        record.setDelimiter(table.delimiter() == null ? null : String.valueOf(table.delimiter()));
        record.setHeader(ImportParser.join(table.header()));
        record.setMapping(mappingText(table.mapping()));
        record.setHeaderLine(table.headerLine());
        record.setTotalRows(0);
        record.setValidRows(0);
        record.setProcessedRows(0);
        record.setImported(0);
        record.setUpdated(0);
        record.setUnchanged(0);
        record.setRejected(0);
        record.setTransferRequests(0);
        record.setCreatedBy(actor.accountId());
        record.setCreatedByLogin(actor.login());
        record.setCreatedAt(clock.instant());
        long id = repository.insertImport(record);
        MemberImportRecord stored = repository.find(id).orElseThrow();
        checks.check(stored, organization, table.header(), table.mapping(), consumer -> {
            List<ParsedTable.Line> chunk = new ArrayList<>(chunkRows);
            for (ParsedTable.Line line : table.lines()) {
                chunk.add(line);
                if (chunk.size() == chunkRows) {
                    consumer.accept(chunk, true);
                    chunk = new ArrayList<>(chunkRows);
                }
            }
            if (!chunk.isEmpty()) {
                consumer.accept(chunk, true);
            }
        });
        return view(repository.find(id).orElseThrow());
    }

    /** Maps the columns anew and checks every row again; only before applying. */
    public MemberImport remap(long importId, List<ImportField> mapping) {
        MemberImportRecord record = accessible(importId);
        if (!"PREVIEWED".equals(record.getStatus())) {
            throw ProfkomException.conflict("member.import.alreadyApplied");
        }
        List<String> header = ImportParser.split(record.getHeader());
        if (mapping == null || mapping.size() != header.size()) {
            throw ProfkomException.invalid("mapping", "member.import.mapping.size", header.size());
        }
        List<ImportField> clean = new ArrayList<>();
        for (ImportField field : mapping) {
            ImportField chosen = field == null ? ImportField.IGNORE : field;
            if (chosen != ImportField.IGNORE && clean.contains(chosen)) {
                throw ProfkomException.invalid("mapping", "member.import.mapping.twice", text(chosen.messageKey()));
            }
            clean.add(chosen);
        }
        repository.deleteRejected(importId);
        record.setMapping(mappingText(clean));
        repository.updateImport(record);
        checks.check(
                record,
                organizations.get(record.getOrganizationId()),
                header,
                clean,
                consumer -> repository.eachChunk(
                        importId, chunk -> consumer.accept(ImportParser.splitLines(chunk.getLines()), false)));
        return view(repository.find(importId).orElseThrow());
    }

    /** Starts applying the valid rows in the background; the import goes on if the browser closes. */
    public MemberImport apply(long importId) {
        MemberImportRecord record = startApplying(importId);
        if (record.getValidRows() == 0) {
            // Nothing to apply: done at once, without a background run.
            repository.finish(importId, "DONE", null, clock.instant());
            return view(repository.find(importId).orElseThrow());
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    runner.runLater(importId);
                }
            });
        } else {
            runner.runLater(importId);
        }
        return view(record);
    }

    /** Applies the valid rows in the calling thread and returns when done: for the command line. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public MemberImport applyAndWait(long importId) {
        CurrentActor.asSystem(() -> startApplying(importId));
        runner.run(importId);
        return get(importId);
    }

    private MemberImportRecord startApplying(long importId) {
        MemberImportRecord record = accessible(importId);
        if ("PREVIEWED".equals(record.getStatus())) {
            record.setStatus("APPLYING");
            record.setLeaseUntil(null);
            repository.updateImport(record);
        } else if (!"APPLYING".equals(record.getStatus())) {
            throw ProfkomException.conflict("member.import.alreadyApplied");
        }
        return record;
    }

    /** Smaller chunks, for tests of an import that dies between chunks. */
    void useChunksOf(int rows) {
        this.chunkRows = rows;
    }

    // ---- queries -------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public MemberImport get(long importId) {
        return view(accessible(importId));
    }

    @Transactional(readOnly = true)
    public Page<MemberImport> ofOrganization(long organizationId, PageRequest page) {
        accessibleOrganization(organizationId);
        Page<MemberImportRecord> records = repository.ofOrganization(organizationId, page);
        return new Page<>(
                records.items().stream().map(this::view).toList(), records.page(), records.size(), records.total());
    }

    @Transactional(readOnly = true)
    public Page<ImportProblem> problems(long importId, PageRequest page) {
        accessible(importId);
        Page<MemberImportProblemRecord> rows = repository.problems(importId, page);
        return new Page<>(
                rows.items().stream()
                        .map(row -> new ImportProblem(row.getLineNo(), row.getErrors()))
                        .toList(),
                rows.page(),
                rows.size(),
                rows.total());
    }

    /**
     * The rows not imported, as a CSV in UTF-8 with a BOM (Excel opens it as is): the file's columns
     * and the reason in the last one.
     */
    public void writeErrors(long importId, OutputStream out) {
        MemberImportRecord record = accessible(importId);
        // The refused rows in full, SNILS and all: the read is audited.
        access.auditRead(record.getOrganizationId(), "IMPORT_ERRORS");
        try {
            out.write(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            List<String> header = new ArrayList<>(ImportParser.split(record.getHeader()));
            header.add(text("member.import.errorColumn"));
            out.write(ru.profkom.shared.Csv.line(header).getBytes(StandardCharsets.UTF_8));
            repository.eachProblem(importId, row -> {
                List<String> cells = new ArrayList<>(ImportParser.split(row.getCells()));
                while (cells.size() < header.size() - 1) {
                    cells.add("");
                }
                cells.add(row.getErrors() == null ? "" : row.getErrors().replace('\n', ' '));
                try {
                    out.write(ru.profkom.shared.Csv.line(cells).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- access and views ----------------------------------------------------------------------

    private Organization accessibleOrganization(long organizationId) {
        organizations
                .pathOf(organizationId)
                .filter(access.scope()::covers)
                .orElseThrow(() -> ProfkomException.notFound("organization.notFound"));
        return organizations.get(organizationId);
    }

    private MemberImportRecord accessible(long importId) {
        MemberImportRecord record = repository.find(importId).orElseThrow(() -> ProfkomException.notFound(NOT_FOUND));
        if (!access.scope().covers(record.getOrganizationPath())) {
            throw ProfkomException.notFound(NOT_FOUND);
        }
        return record;
    }

    MemberImport view(MemberImportRecord r) {
        return new MemberImport(
                r.getId(),
                r.getOrganizationId(),
                r.getFileName(),
                r.getStatus(),
                r.getEncoding(),
                r.getDelimiter(),
                ImportParser.split(r.getHeader()),
                mappingOf(r.getMapping()),
                r.getTotalRows(),
                r.getValidRows(),
                r.getProcessedRows(),
                r.getImported(),
                r.getUpdated(),
                r.getUnchanged(),
                r.getRejected(),
                r.getFailure(),
                r.getCreatedByLogin(),
                r.getCreatedAt(),
                r.getFinishedAt(),
                r.getTransferRequests() == null ? 0 : r.getTransferRequests(),
                lease(r));
    }

    /** The lease of an APPLYING import as its page and the API show it; null for any other state. */
    private Lease lease(MemberImportRecord r) {
        if (!"APPLYING".equals(r.getStatus()) || r.getLeaseUntil() == null) {
            return null;
        }
        LeaseHolder holder = LeaseHolder.parse(r.getLeaseHolder());
        String name = holder == null ? text("member.import.lease.unknownHolder") : holder.display();
        Instant now = clock.instant();
        boolean here = holder != null && holder.isCurrent() && runner.applyingHere(r.getId());
        boolean expired = r.getLeaseUntil().isBefore(now);
        boolean resumableNow = !here && (expired || runner.holderStopped(r.getId(), holder));
        String note = null;
        if (resumableNow) {
            note = text("member.import.lease.stopped", name, moscow(r.getLeaseSince()));
        } else if (!here) {
            note = text("member.import.lease.elsewhere", name, moscow(r.getLeaseSince()), moscow(r.getLeaseUntil()));
        }
        return new Lease(name, r.getLeaseSince(), r.getLeaseUntil(), here, resumableNow, note);
    }

    private static String moscow(Instant instant) {
        return instant == null ? "—" : LEASE_TIME.format(instant.atZone(ru.profkom.shared.web.Formats.MOSCOW));
    }

    private static String mappingText(List<ImportField> mapping) {
        return String.join(",", mapping.stream().map(Enum::name).toList());
    }

    static List<ImportField> mappingOf(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(","))
                .map(ImportField::valueOf)
                .toList();
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, RUSSIAN);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
