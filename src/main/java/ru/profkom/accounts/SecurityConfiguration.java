package ru.profkom.accounts;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.web.servlet.HandlerMapping;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.Role;
import ru.profkom.shared.web.PublicRequests;

/**
 * Pages sign in through a form and keep the session in the database; the REST API authenticates
 * each request with HTTP Basic and keeps no session. Who may see what is decided in the services.
 */
@Configuration
@EnableWebSecurity
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 60 * 60)
class SecurityConfiguration {

    static final String[] PUBLIC_PAGES = {
        "/login",
        "/password/**",
        // The verification page of union cards: whoever scans a card's QR code is not signed in.
        "/card/**",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/images/**",
        "/favicon.ico",
        // The icon every page names, the public portal's and the sign-in form's among them.
        "/favicon.svg",
        "/error",
        "/actuator/health"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The whole policy of the pages: scripts, styles and images only from here, no framing, no {@code <base>}
     * elsewhere, and forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                    + "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static final String[] API_DOCUMENTATION = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"};

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, MessageSource messages) throws Exception {
        ApiSignInEntryPoint entryPoint = new ApiSignInEntryPoint(messages);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Profkom").authenticationEntryPoint(entryPoint))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            CurrentActor currentActor,
            List<PublicRequests> publicRequests,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> pageMappings)
            throws Exception {
        VisitorEntryPoint visitors = new VisitorEntryPoint(pageMappings);
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers(request -> publicRequests.stream().anyMatch(p -> p.isPublic(request)))
                        .permitAll()
                        // The API's map is for the union's staff, not for members or strangers.
                        .requestMatchers(API_DOCUMENTATION)
                        .access((authentication, request) -> new AuthorizationDecision(isStaff(currentActor.get())))
                        .anyRequest()
                        .authenticated())
                .requestCache(cache -> cache.requestCache(pageRequestCache(visitors)))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailureHandler()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(visitors))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    private static boolean isStaff(Actor actor) {
        return actor.grants().stream().anyMatch(grant -> grant.role() != Role.MEMBER);
    }

    /**
     * Remembers for after the sign-in only a page the browser navigated to: a GET asking for HTML, not an
     * image, a script's request or an htmx fragment. Otherwise a thumbnail or a fragment that a page still
     * loads while its session ends becomes where the next sign-in lands.
     */
    static RequestCache pageRequestCache(VisitorEntryPoint visitors) {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new AndRequestMatcher(
                request -> "GET".equals(request.getMethod()),
                html,
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("HX-Request")),
                new NegatedRequestMatcher(new RequestHeaderRequestMatcher("X-Requested-With")),
                // Only a page that asks to sign in: «/» and unknown addresses open no session for a visitor.
                visitors::asksToSignIn));
        return cache;
    }
}
