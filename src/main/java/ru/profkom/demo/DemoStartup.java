package ru.profkom.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code profkom.demo.load=true} (what {@code ./profkom run} sets): loads the demo union into
 * an empty database before the application reports ready, and on every start tells the person at
 * the console where to open it and whom to sign in as.
 */
@Component
@ConditionalOnProperty(name = "profkom.demo.load", havingValue = "true")
class DemoStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoUnion demoUnion;
    private final Environment environment;

    DemoStartup(DemoUnion demoUnion, Environment environment) {
        this.demoUnion = demoUnion;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoUnion
                .load(UnionScale.DEMO, UnionScale.DEMO.defaultSector(), organization -> {})
                .ifPresentOrElse(
                        loaded -> log.info(
                                "Демо-профсоюз загружен: {} организаций за {} мс",
                                loaded.organizations(),
                                loaded.millis()),
                        () -> log.info("В базе уже есть организации: демо-профсоюз не загружается повторно"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void greet() {
        String port = environment.getProperty("local.server.port");
        System.out.println();
        if (port != null) {
            System.out.println("Профком работает: http://localhost:" + port + "/");
        }
        demoUnion.printLogins(System.out);
        System.out.println();
    }
}
