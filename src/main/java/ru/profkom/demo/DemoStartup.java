package ru.profkom.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.profkom.shared.PublicAddress;

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
    private final PublicAddress publicAddress;

    DemoStartup(DemoUnion demoUnion, PublicAddress publicAddress) {
        this.demoUnion = demoUnion;
        this.publicAddress = publicAddress;
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
    void greet(ApplicationReadyEvent event) {
        System.out.println();
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            System.out.println("Профком работает: " + publicAddress.link("/"));
        }
        demoUnion.printLogins(System.out);
        System.out.println();
    }
}
