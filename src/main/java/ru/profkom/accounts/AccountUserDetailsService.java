package ru.profkom.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
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
                        // Never locked as such: sign-in backs off per login and source (SignInThrottle).
                        true))
                .orElseThrow(() -> new UsernameNotFoundException("unknown login"));
    }
}
