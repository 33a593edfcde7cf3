package ru.profkom.accounts;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        return accounts.findByLogin(login.strip())
                .map(r -> new AccountPrincipal(
                        r.getId(),
                        r.getLogin(),
                        r.getFullName(),
                        r.getPasswordHash(),
                        r.getEnabled(),
                        r.getLockedUntil() == null || r.getLockedUntil().isBefore(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
