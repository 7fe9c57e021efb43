package io.pbxctl.daemon;

import io.pbxctl.daemon.cli.AdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the daemon, or runs an administrative command when the first argument is {@code admin}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PbxDaemonApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommand.run(args));
        }
        SpringApplication.run(PbxDaemonApplication.class, args);
    }
}
