package io.pbxctl.daemon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SIP messages of one SIPp process, read from its {@code -trace_msg} file. */
record SipLog(List<Message> messages) {

    private static final Pattern SEPARATOR = Pattern.compile("^-{20,} ?(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+)?.*$",
            Pattern.MULTILINE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");

    /** One message, sent by SIPp or received by it at a time of SIPp's clock, with its first line and headers. */
    record Message(boolean received, LocalDateTime at, String text) {

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
        Matcher separator = SEPARATOR.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<LocalDateTime> times = new ArrayList<>();
        while (separator.find()) {
            starts.add(separator.end());
            times.add(separator.group(1) == null ? null : LocalDateTime.parse(separator.group(1), TIME));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? text.lastIndexOf('\n', starts.get(i + 1) - 1) : text.length();
            String trimmed = text.substring(starts.get(i), Math.max(starts.get(i), end)).strip();
            int start = trimmed.indexOf("\n");
            if (start < 0) {
                continue;
            }
            String heading = trimmed.substring(0, start);
            boolean received = heading.contains("message received");
            if (!received && !heading.contains("message sent")) {
                continue;
            }
            messages.add(new Message(received, times.get(i), trimmed.substring(start + 1).strip()));
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
