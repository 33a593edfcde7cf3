package ru.profkom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends the user back to the form with the reason: wrong login or password, locked, or disabled.
 * The wrong password that locks the account already says so, not only the attempt after it.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    private final AccountRepository accounts;
    private final Clock clock;

    SignInFailureHandler(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof LockedException || lockedJustNow(request)
                ? "locked"
                : exception instanceof DisabledException ? "disabled" : "bad";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }

    /** The failure listener has counted this attempt by now; it may have locked the account. */
    private boolean lockedJustNow(HttpServletRequest request) {
        String login = request.getParameter("username");
        if (login == null || login.isBlank()) {
            return false;
        }
        return accounts.findByLogin(login.strip())
                .map(account -> account.getLockedUntil() != null
                        && account.getLockedUntil().isAfter(clock.instant()))
                .orElse(false);
    }
}
