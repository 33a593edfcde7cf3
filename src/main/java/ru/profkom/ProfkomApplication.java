package ru.profkom;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class ProfkomApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProfkomApplication.class, args);
    }
}
