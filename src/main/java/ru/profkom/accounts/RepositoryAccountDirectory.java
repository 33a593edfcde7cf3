package ru.profkom.accounts;

import static profkom.schema.Tables.ACCOUNT;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.shared.AccountDirectory;

@Component
@Transactional(readOnly = true)
class RepositoryAccountDirectory implements AccountDirectory {

    private final AccountRepository accounts;
    private final DSLContext dsl;

    RepositoryAccountDirectory(AccountRepository accounts, DSLContext dsl) {
        this.accounts = accounts;
        this.dsl = dsl;
    }

    @Override
    public Optional<Long> accountIdOf(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByLogin(login.strip()).map(account -> account.getId());
    }

    @Override
    public Map<String, String> fullNamesOf(Collection<String> logins) {
        List<String> wanted = logins.stream()
                .filter(login -> login != null && !login.isBlank())
                .map(login -> login.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        dsl.select(ACCOUNT.LOGIN, ACCOUNT.FULL_NAME)
                .from(ACCOUNT)
                .where(DSL.lower(ACCOUNT.LOGIN).in(wanted))
                .forEach(r -> names.put(r.value1().toLowerCase(Locale.ROOT), r.value2()));
        return names;
    }
}
