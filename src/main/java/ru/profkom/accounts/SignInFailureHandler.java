package ru.profkom.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import ru.profkom.accounts.ThrottledAuthenticationProvider.SignInThrottledException;

/**
 * Sends the user back to the form with the reason: wrong login or password, too many failures lately (with the
 * wait), or disabled. The first two read the same for an unknown login as for a known one; "disabled" is told
 * only to whoever gave the right password.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason;
        if (exception instanceof SignInThrottledException throttled) {
            reason = "throttled&wait=" + throttled.retryAfterSeconds();
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
        } else {
            reason = "bad";
        }
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
