package ru.profkom.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.organizations.Organization;
import ru.profkom.organizations.Organizations;
import ru.profkom.shared.Page;
import ru.profkom.shared.PageRequest;
import ru.profkom.shared.ProfkomException;

/** Reading the audit log: administrators see the entries filed under their subtree. */
@Service
@Transactional(readOnly = true)
public class AuditLog {

    private final AuditRepository repository;
    private final Organizations organizations;

    AuditLog(AuditRepository repository, Organizations organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    public Page<AuditEntry> forSubtree(long organizationId, AuditFilter filter, PageRequest page) {
        Organization organization = administered(organizationId);
        Page<AuditEntry> entries = repository.page(organization.path(), organization.parentId() == null, filter, page);
        Map<Long, String> names = organizations.shortNames(entries.items().stream()
                .map(AuditEntry::organizationId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return entries.map(entry -> entry.withOrganizationName(names.get(entry.organizationId())));
    }

    /** Every matching entry, newest first, for an export; streamed, never held in memory. */
    public void exportSubtree(long organizationId, AuditFilter filter, Consumer<AuditEntry> consumer) {
        Organization organization = administered(organizationId);
        Map<Long, String> names = new java.util.HashMap<>();
        repository.stream(organization.path(), organization.parentId() == null, filter, entry -> {
            Long id = entry.organizationId();
            String name = id == null
                    ? null
                    : names.computeIfAbsent(
                            id, key -> organizations.shortNames(List.of(key)).get(key));
            consumer.accept(entry.withOrganizationName(name));
        });
    }

    private Organization administered(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canManage(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }
}
