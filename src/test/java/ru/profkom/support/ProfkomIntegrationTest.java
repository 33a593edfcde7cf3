package ru.profkom.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a fresh database with the {@link Fixture} tree, MockMvc and a GreenMail
 * SMTP server. Every class carrying this annotation shares one Spring context, so keep it free of
 * per-class properties and mocks. Tagged {@code database}: CI reruns these classes on PostgreSQL
 * with {@code ./mvnw test -Dgroups=database -Dprofkom.test.db=postgres}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("database")
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@Import(TestSupportConfiguration.class)
public @interface ProfkomIntegrationTest {}
