package ru.profkom.support;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import ru.profkom.shared.AccountDirectory;
import ru.profkom.shared.Actor;
import ru.profkom.shared.CurrentActor;
import ru.profkom.shared.PublicAddress;
import ru.profkom.shared.web.PublicRequests;

/**
 * What an {@code @ApplicationModuleTest} needs besides its modules: the shared interfaces that modules outside its
 * dependencies implement (the acting user from {@code accounts}, the public address from {@code settings}, the
 * public routes from {@code portal}). The actor is the system inside {@link CurrentActor#asSystem} and nobody
 * outside it, so a module test acts as the system, like the start-up and background jobs do.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleTestConfiguration {

    @Bean
    CurrentActor systemOnlyActor() {
        return () -> CurrentActor.scoped().orElse(Actor.ANONYMOUS);
    }

    @Bean
    AccountDirectory noAccounts() {
        return new AccountDirectory() {
            @Override
            public Optional<Long> accountIdOf(String login) {
                return Optional.empty();
            }

            @Override
            public Map<String, String> fullNamesOf(Collection<String> logins) {
                return Map.of();
            }
        };
    }

    @Bean
    PublicAddress testAddress() {
        return () -> "http://profkom.test";
    }

    @Bean
    PublicRequests noPublicRequests() {
        return request -> false;
    }
}
