package ru.profkom.browser;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import ru.profkom.support.TestClock;

/** The application's clock in the browser tests is the tests' one, so a test can act "a minute later". */
@TestConfiguration(proxyBeanMethods = false)
class BrowserTestClock {

    @Bean
    @Primary
    TestClock testClock() {
        return new TestClock();
    }
}
