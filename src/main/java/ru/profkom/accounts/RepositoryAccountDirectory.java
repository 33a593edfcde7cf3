package ru.profkom.accounts;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.profkom.shared.AccountDirectory;

@Component
@Transactional(readOnly = true)
class RepositoryAccountDirectory implements AccountDirectory {

    private final AccountRepository accounts;

    RepositoryAccountDirectory(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Long> accountIdOf(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        return accounts.findByLogin(login.strip()).map(account -> account.getId());
    }
}
