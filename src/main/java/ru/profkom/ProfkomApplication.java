package ru.profkom;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import ru.profkom.demo.CommandLine;
import ru.profkom.shared.DatabaseInUse;

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
        if (command.equals("run")) {
            new SpringApplication(ProfkomApplication.class).run(options);
            return;
        }
        System.exit(command(command, options));
    }

    /** Runs a command without the web server; its exit code. */
    static int command(String command, String[] options) {
        if (command.equals("member-file")) {
            return ru.profkom.members.generators.MessyMemberFile.command(options);
        }
        if (!CommandLine.COMMANDS.contains(command)) {
            System.err.print(CommandLine.usage());
            return command.equals("help") ? 0 : 2;
        }
        SpringApplication application = new SpringApplication(ProfkomApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        String[] arguments = CommandLine.prepare(application, command, options);
        try {
            return SpringApplication.exit(application.run(arguments));
        } catch (RuntimeException e) {
            // Spring, or DatabaseInUse in a Russian sentence, has reported why it could not start; a database
            // open in another process is for the user to remove, like bad usage (README: exit code 2).
            return DatabaseInUse.causedBy(e) ? 2 : 1;
        }
    }
}
