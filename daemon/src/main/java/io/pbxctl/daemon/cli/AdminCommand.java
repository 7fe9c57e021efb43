package io.pbxctl.daemon.cli;

import io.pbxctl.daemon.PbxDaemonApplication;
import io.pbxctl.daemon.asterisk.AmiStatus;
import io.pbxctl.daemon.asterisk.AsteriskManager;
import io.pbxctl.daemon.config.ConfigRegeneration;
import io.pbxctl.daemon.secrets.SecretKeys;
import io.pbxctl.daemon.secrets.SecretPolicy;
import io.pbxctl.daemon.security.Caller;
import io.pbxctl.daemon.security.OperatorAccounts;
import io.pbxctl.daemon.security.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code java -jar pbxctl-daemon.jar admin <command>}: what a fresh install needs before the API
 * can be used. Commands that touch the database start the daemon's context without its web
 * server, against the same database settings (with the embedded database, stop the daemon first).
 */
public final class AdminCommand {

    static final String USAGE = """
            usage: java -jar pbxctl-daemon.jar admin <command> [options] [--pbx.setting=value ...]
              generate-key [--out FILE]         write a new master key to FILE (default: print it)
              create-operator --username NAME   create an operator login; the password is read
                                                from standard input, or generated and printed
              reset-password --username NAME    set a new password for any login, same way
              regenerate-config [--wait SECONDS]
                                                write Asterisk's generated files from the database
                                                and reload them all over AMI (default wait 20 s)
            """;

    private AdminCommand() {
    }

    /** Runs the command in {@code args} (args[0] is "admin") and returns the process exit code. */
    public static int run(String[] args) {
        return run(Arrays.asList(args).subList(1, args.length), System.in, System.out, System.err);
    }

    static int run(List<String> args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        List<String> springArgs = new ArrayList<>();
        List<String> own = new ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            (arg.startsWith("--pbx.") || arg.startsWith("--spring.") ? springArgs : own).add(arg);
        }
        try {
            return switch (args.get(0)) {
                case "generate-key" -> generateKey(own, out);
                case "create-operator" -> {
                    String username = option(own, "--username");
                    Password password = readPassword(in);
                    withAccounts(springArgs, accounts -> accounts.create(username, password.value()));
                    out.println("Created operator '" + username + "'.");
                    password.printIfGenerated(out);
                    yield 0;
                }
                case "reset-password" -> {
                    String username = option(own, "--username");
                    Password password = readPassword(in);
                    withAccounts(springArgs, accounts -> accounts.resetPassword(username, password.value()));
                    out.println("New password set for '" + username + "'.");
                    password.printIfGenerated(out);
                    yield 0;
                }
                case "regenerate-config" -> regenerateConfig(springArgs, own, out, err);
                default -> {
                    err.print("unknown command '" + args.get(0) + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            err.println("error: " + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return 1;
        }
    }

    private static int generateKey(List<String> own, PrintStream out) {
        int at = own.indexOf("--out");
        if (at < 0) {
            out.println(SecretKeys.newMasterKey());
            return 0;
        }
        Path file = Path.of(option(own, "--out"));
        SecretKeys.writeNewKeyFile(file);
        out.println("Wrote a new master key to " + file + " (mode 600). Back it up: stored secrets cannot be read without it.");
        return 0;
    }

    /**
     * Generates in this process (with the daemon's settings) and reloads through its own AMI
     * connection, waiting for Asterisk's answer: 0 reloaded, 3 files written but Asterisk did not
     * take the reload (it then needs this command again, or a restart, once reachable).
     */
    private static int regenerateConfig(List<String> springArgs, List<String> own, PrintStream out, PrintStream err) {
        Duration wait = Duration.ofSeconds(own.contains("--wait") ? parseSeconds(option(own, "--wait")) : 20);
        List<String> args = new ArrayList<>(springArgs);
        args.add("--pbx.demo=false");
        args.add("--pbx.fastagi.enabled=false");
        args.add("--pbx.asterisk.generate=false");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PbxDaemonApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(args.toArray(String[]::new))) {
            ConfigRegeneration.GenerationOutcome outcome = context.getBean(ConfigRegeneration.class).regenerateNow();
            out.println("Generated " + outcome.tenants() + " tenants, " + outcome.users() + " users in " + outcome.tookMillis()
                    + " ms; changed files: " + (outcome.changedFiles().isEmpty() ? "none" : String.join(", ", outcome.changedFiles())));
            AsteriskManager asterisk = context.getBean(AsteriskManager.class);
            Instant deadline = Instant.now().plus(wait);
            AmiStatus status = asterisk.status();
            while (!(status.pending().isEmpty() && status.lastReload() != null) && Instant.now().isBefore(deadline)) {
                sleep();
                status = asterisk.status();
            }
            if (status.pending().isEmpty() && status.lastReload() != null && status.lastReload().outcome() == AmiStatus.Outcome.OK) {
                out.println("Reloaded in Asterisk: " + status.lastReload().targets());
                return 0;
            }
            err.println("Files written, but Asterisk did not take the reload: " + (status.lastReload() != null
                    && status.lastReload().outcome() == AmiStatus.Outcome.FAILED ? status.lastReload().message()
                    : status.connection() + (status.detail().isEmpty() ? "" : " (" + status.detail() + ")")));
            return 3;
        }
    }

    private static long parseSeconds(String value) {
        if (!value.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("--wait takes a number of seconds, not '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private interface AccountsCommand {
        void run(OperatorAccounts accounts);
    }

    private static void withAccounts(List<String> springArgs, AccountsCommand command) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PbxDaemonApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "logging.level.root=WARN")
                .run(withDemoOff(springArgs))) {
            Caller cli = new Caller("cli:" + System.getProperty("user.name"), "", Role.OPERATOR, null, null);
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(cli, null, cli.getAuthorities()));
            command.run(context.getBean(OperatorAccounts.class));
        }
    }

    /**
     * On the command line, so that neither PBX_DEMO nor the demo profile makes a command load
     * demo data, so that a command run beside the daemon does not try to take its FastAGI port,
     * and so that a command neither logs in to Asterisk nor reloads anything.
     */
    private static String[] withDemoOff(List<String> springArgs) {
        List<String> args = new ArrayList<>(springArgs);
        args.add("--pbx.demo=false");
        args.add("--pbx.fastagi.enabled=false");
        args.add("--pbx.ami.enabled=false");
        args.add("--pbx.asterisk.generate=false");
        return args.toArray(String[]::new);
    }

    private static String option(List<String> own, String name) {
        int at = own.indexOf(name);
        if (at < 0 || at + 1 >= own.size()) {
            throw new IllegalArgumentException(name + " is required\n" + USAGE);
        }
        return own.get(at + 1);
    }

    private record Password(String value, boolean generated) {
        void printIfGenerated(PrintStream out) {
            if (generated) {
                out.println("Password (shown once): " + value);
            }
        }
    }

    /** The first line of standard input when something is piped in, otherwise a generated password. */
    private static Password readPassword(java.io.InputStream in) {
        try {
            if (System.console() == null || in != System.in) {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line != null && !line.isEmpty()) {
                    return new Password(line, false);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the password from standard input", e);
        }
        return new Password(SecretPolicy.generate(), true);
    }
}
