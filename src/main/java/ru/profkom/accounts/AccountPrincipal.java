package ru.profkom.accounts;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** What the session keeps of a signed-in account: its id and login; roles are read per request. */
class AccountPrincipal implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String login;
    private final String fullName;
    private final transient String passwordHash;
    private final boolean enabled;
    /** Decided when the account is loaded for a sign-in, against the injected clock. */
    private final boolean accountNonLocked;

    AccountPrincipal(
            long accountId,
            String login,
            String fullName,
            String passwordHash,
            boolean enabled,
            boolean accountNonLocked) {
        this.accountId = accountId;
        this.login = login;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.accountNonLocked = accountNonLocked;
    }

    long accountId() {
        return accountId;
    }

    public String getFullName() {
        return fullName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return login;
    }

    @Override
    public boolean isAccountNonLocked() {
        return accountNonLocked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
