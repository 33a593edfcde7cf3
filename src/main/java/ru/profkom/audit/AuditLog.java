package ru.profkom.audit;

import java.util.function.Consumer;
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
        return repository.page(organization.path(), organization.parentId() == null, filter, page);
    }

    /** Every matching entry, newest first, for an export; streamed, never held in memory. */
    public void exportSubtree(long organizationId, AuditFilter filter, Consumer<AuditEntry> consumer) {
        Organization organization = administered(organizationId);
        repository.stream(organization.path(), organization.parentId() == null, filter, consumer);
    }

    private Organization administered(long organizationId) {
        Organization organization = organizations.get(organizationId);
        if (!organizations.canManage(organizationId)) {
            throw ProfkomException.forbidden("access.denied");
        }
        return organization;
    }
}
