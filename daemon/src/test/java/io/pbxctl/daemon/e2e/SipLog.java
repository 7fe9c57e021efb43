package io.pbxctl.daemon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SIP messages of one SIPp process, read from its {@code -trace_msg} file. */
record SipLog(List<Message> messages) {

    private static final Pattern SEPARATOR = Pattern.compile("^-{20,}.*$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");

    /** One message, sent by SIPp or received by it, with its first line and headers. */
    record Message(boolean received, String text) {

        String firstLine() {
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).trim();
        }

        boolean isRequest(String method) {
            return firstLine().startsWith(method + " ");
        }

        /** The status code of a response, or -1 for a request. */
        int status() {
            Matcher matcher = STATUS.matcher(firstLine());
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
        }

        /** Every value of a header (by its full name, case-insensitive). */
        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String line : text.split("\r?\n")) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).trim());
                }
            }
            return values;
        }

        String requestUri() {
            return firstLine().split(" ")[1];
        }
    }

    static SipLog read(Path file) {
        List<Message> messages = new ArrayList<>();
        if (!Files.exists(file)) {
            return new SipLog(messages);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String block : SEPARATOR.split(text)) {
            String trimmed = block.strip();
            int start = trimmed.indexOf("\n");
            if (start < 0) {
                continue;
            }
            String heading = trimmed.substring(0, start);
            boolean received = heading.contains("message received");
            if (!received && !heading.contains("message sent")) {
                continue;
            }
            messages.add(new Message(received, trimmed.substring(start + 1).strip()));
        }
        return new SipLog(messages);
    }

    List<Message> received(String method) {
        return messages.stream().filter(m -> m.received() && m.isRequest(method)).toList();
    }

    /** Status codes of the responses received, in order. */
    List<Integer> receivedStatuses() {
        return messages.stream().filter(Message::received).map(Message::status).filter(s -> s > 0).toList();
    }

    /** The last final (>= 200) response received to an INVITE. */
    Optional<Integer> finalInviteStatus() {
        Integer last = null;
        for (Message message : messages) {
            if (message.received() && message.status() >= 200 && message.headers("CSeq").stream().anyMatch(c -> c.endsWith("INVITE"))) {
                last = message.status();
            }
        }
        return Optional.ofNullable(last);
    }
}
