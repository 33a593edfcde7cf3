package ru.profkom;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import ru.profkom.demo.CommandLine;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableScheduling
public class ProfkomApplication {

    /**
     * {@code run} (or no command) starts the web application; {@code generate} and
     * {@code bench-tree} start Spring without a web server, do their work and exit with a code.
     */
    public static void main(String[] args) {
        boolean named = args.length > 0 && !args[0].startsWith("-");
        String command = named ? args[0] : "run";
        String[] options = named ? Arrays.copyOfRange(args, 1, args.length) : args;
        SpringApplication application = new SpringApplication(ProfkomApplication.class);
        if (command.equals("run")) {
            application.run(options);
            return;
        }
        if (command.equals("member-file")) {
            System.exit(ru.profkom.members.MessyMemberFile.command(options));
        }
        if (!CommandLine.COMMANDS.contains(command)) {
            System.err.print(CommandLine.usage());
            System.exit(command.equals("help") ? 0 : 2);
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] arguments = CommandLine.prepare(application, command, options);
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(arguments));
        } catch (RuntimeException e) {
            // Spring has reported why it could not start.
            exitCode = 1;
        }
        System.exit(exitCode);
    }
}
