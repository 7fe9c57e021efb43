package io.pbxctl.daemon.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays Asterisk's side of one FastAGI request over a real socket (ASTERISK-NOTES.md section
 * 12): sends the environment, answers each command as Asterisk would, records what was set,
 * and returns when the server closes the connection.
 */
final class FakeAsterisk {

    private final int port;
    private final Deque<String> digits = new ArrayDeque<>();
    private final Map<String, String> expressions = new LinkedHashMap<>();

    FakeAsterisk(int port) {
        this.port = port;
    }

    /** What the caller types at the next GET DATA prompts, in order; "" is a timeout with nothing typed. */
    FakeAsterisk typing(String... entries) {
        digits.addAll(List.of(entries));
        return this;
    }

    /** The value Asterisk gives for an expression asked with GET FULL VARIABLE. */
    FakeAsterisk evaluating(String expression, String value) {
        expressions.put(expression, value);
        return this;
    }

    /** What the server did to the channel. */
    record Call(Map<String, String> variables, List<String> commands) {

        String get(String variable) {
            return variables.get(variable);
        }

        long prompts() {
            return commands.stream().filter(c -> c.startsWith("GET DATA")).count();
        }
    }

    Call call(String script, String uniqueId, String... arguments) throws IOException {
        List<String> environment = new ArrayList<>(List.of(
                "agi_network: yes",
                "agi_network_script: " + script,
                "agi_request: agi://127.0.0.1:" + port + "/" + script,
                "agi_channel: PJSIP/test-00000001",
                "agi_language: en",
                "agi_type: PJSIP",
                "agi_uniqueid: " + uniqueId,
                "agi_version: 22.10.1",
                "agi_callerid: 100",
                "agi_calleridname: Test",
                "agi_context: test",
                "agi_extension: s",
                "agi_priority: 1",
                "agi_enhanced: 0.0",
                "agi_accountcode: ",
                "agi_threadid: 140000000000000"));
        for (int i = 0; i < arguments.length; i++) {
            environment.add("agi_arg_" + (i + 1) + ": " + arguments[i]);
        }
        return exchange(environment);
    }

    /** Sends the given lines as the environment (they may be malformed on purpose). */
    Call exchange(List<String> environment) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> commands = new ArrayList<>();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder();
            environment.forEach(line -> request.append(line).append('\n'));
            out.write(request.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String command;
            while ((command = in.readLine()) != null) {
                commands.add(command);
                out.write((reply(command, variables) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        return new Call(variables, commands);
    }

    private String reply(String command, Map<String, String> variables) {
        List<String> words = AgiWords.split(command);
        String verb = words.size() >= 2 ? words.get(0) + " " + words.get(1) : command;
        switch (verb) {
            case "SET VARIABLE" -> {
                variables.put(words.get(2), words.get(3));
                return "200 result=1";
            }
            case "GET DATA" -> {
                String typed = digits.isEmpty() ? "" : digits.poll();
                return typed.isEmpty() ? "200 result= (timeout)" : "200 result=" + typed;
            }
            case "GET FULL" -> {
                String value = expressions.get(words.get(3));
                return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
            }
            default -> {
                if (command.equals("ANSWER") || command.startsWith("VERBOSE")) {
                    return "200 result=0";
                }
                return "510 Invalid or unknown command";
            }
        }
    }
}
