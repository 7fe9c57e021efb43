package io.pbxctl.daemon.bench;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One outbound request as Asterisk makes it over FastAGI (ASTERISK-NOTES.md section 12): connect,
 * send the agi_* environment and an empty line, answer every command the way Asterisk does
 * ({@code 200 result=1} for SET VARIABLE) until the server closes, then check the answer.
 */
final class AgiCall {

    /** How a call ended; everything but {@link #ALLOWED} counts as an error. */
    enum Outcome {
        /** PBX_RESULT=ALLOWED with every variable of an allowed decision and AJ_AGISTATUS=SUCCESS. */
        ALLOWED,
        /** The connection was refused or not accepted within the connect timeout. */
        CONNECT_FAILED,
        /** The server closed the connection without setting PBX_RESULT (a full queue, for instance). */
        UNANSWERED,
        /** PBX_RESULT was set to something else (the reason is kept). */
        REFUSED,
        /** A variable of an allowed decision was missing, or a command Asterisk would not expect. */
        MALFORMED,
        /** Reset, read timeout or another I/O failure after connecting. */
        IO_ERROR
    }

    /** The variables an allowed outbound decision sets, besides the result. */
    static final String[] ALLOWED_VARIABLES = {"PBX_DIRECTION", "PBX_NUMBER", "PBX_TRUNK_COUNT", "PBX_TRUNK_1", "PBX_TRUNK_2",
            "PBX_CALLERID_NUM", "PBX_CALLERID_NAME", "PBX_LIMIT_MS", "PBX_ACCOUNT_LABEL", "PBX_REASON", "PBX_RESULT"};

    private static final byte[] OK_REPLY = "200 result=1\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN_REPLY = "510 Invalid or unknown command\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SET_VARIABLE = "SET VARIABLE ";

    private final InetSocketAddress server;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;

    AgiCall(InetSocketAddress server, int connectTimeoutMs, int readTimeoutMs) {
        this.server = server;
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
    }

    /** The outcome of a call and, for refusals and failures, a short detail. */
    record Result(Outcome outcome, String detail, Map<String, String> variables) {
    }

    /** The environment Asterisk 22 sends for {@code agi://host:port/outbound,<tenant>,<device>,<number>}. */
    static String environment(int port, String callId, String tenant, String device, String extension, String number) {
        return "agi_network: yes\n"
                + "agi_network_script: " + BenchModel.SCRIPT + "\n"
                + "agi_request: agi://127.0.0.1:" + port + "/" + BenchModel.SCRIPT + "\n"
                + "agi_channel: PJSIP/" + device + "-0000" + Integer.toHexString(callId.hashCode() & 0xffff) + "\n"
                + "agi_language: vi\n"
                + "agi_type: PJSIP\n"
                + "agi_uniqueid: " + callId + "\n"
                + "agi_version: 22.1.0\n"
                + "agi_callerid: " + extension + "\n"
                + "agi_calleridname: " + device + "\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: " + number + "\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: pbx-outbound\n"
                + "agi_extension: " + number + "\n"
                + "agi_priority: 2\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 140245112788736\n"
                + "agi_arg_1: " + tenant + "\n"
                + "agi_arg_2: " + device + "\n"
                + "agi_arg_3: " + number + "\n"
                + "\n";
    }

    /** Runs one call; never throws. With {@code keep} the variables set are returned. */
    Result run(String environment, boolean keep) {
        Map<String, String> variables = new LinkedHashMap<>(32);
        Socket socket = new Socket();
        try {
            try {
                socket.setTcpNoDelay(true);
                socket.connect(server, connectTimeoutMs);
            } catch (ConnectException | SocketTimeoutException e) {
                return new Result(Outcome.CONNECT_FAILED, e.getClass().getSimpleName(), null);
            }
            socket.setSoTimeout(readTimeoutMs);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 2048);
            InputStream in = socket.getInputStream();
            out.write(environment.getBytes(StandardCharsets.UTF_8));
            out.flush();
            LineReader lines = new LineReader(in);
            boolean unexpected = false;
            String line;
            while ((line = lines.next()) != null) {
                if (line.startsWith(SET_VARIABLE)) {
                    String[] nameValue = quoted(line, SET_VARIABLE.length());
                    if (nameValue == null) {
                        unexpected = true;
                        out.write(UNKNOWN_REPLY);
                    } else {
                        variables.put(nameValue[0], nameValue[1]);
                        out.write(OK_REPLY);
                    }
                } else {
                    unexpected = true;
                    out.write(UNKNOWN_REPLY);
                }
                out.flush();
            }
            return judge(variables, unexpected, keep);
        } catch (EOFException e) {
            return judge(variables, false, keep);
        } catch (IOException e) {
            // A server that closes while we write our reply to its last command has answered in full.
            if (variables.containsKey("AJ_AGISTATUS")) {
                return judge(variables, false, keep);
            }
            return new Result(Outcome.IO_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
        }
    }

    private static Result judge(Map<String, String> variables, boolean unexpected, boolean keep) {
        String result = variables.get("PBX_RESULT");
        Map<String, String> kept = keep ? variables : null;
        if (result == null) {
            return new Result(Outcome.UNANSWERED, variables.isEmpty() ? "closed without a command" : "no PBX_RESULT", kept);
        }
        if (!result.equals("ALLOWED")) {
            return new Result(Outcome.REFUSED, result.equals("REFUSED") ? variables.get("PBX_REASON") : "PBX_RESULT=" + result, kept);
        }
        if (unexpected) {
            return new Result(Outcome.MALFORMED, "a command other than SET VARIABLE", kept);
        }
        for (String name : ALLOWED_VARIABLES) {
            if (!variables.containsKey(name)) {
                return new Result(Outcome.MALFORMED, "missing " + name, kept);
            }
        }
        if (!"2".equals(variables.get("PBX_TRUNK_COUNT")) || !"SUCCESS".equals(variables.get("AJ_AGISTATUS"))) {
            return new Result(Outcome.MALFORMED, "trunks " + variables.get("PBX_TRUNK_COUNT") + ", status " + variables.get("AJ_AGISTATUS"), kept);
        }
        return new Result(Outcome.ALLOWED, null, kept);
    }

    /** The two double-quoted, backslash-escaped arguments starting at {@code from}, or null. */
    static String[] quoted(String line, int from) {
        String[] values = new String[2];
        int at = from;
        for (int k = 0; k < 2; k++) {
            while (at < line.length() && line.charAt(at) == ' ') {
                at++;
            }
            if (at >= line.length() || line.charAt(at) != '"') {
                return null;
            }
            StringBuilder value = new StringBuilder();
            at++;
            while (at < line.length() && line.charAt(at) != '"') {
                char c = line.charAt(at);
                if (c == '\\' && at + 1 < line.length()) {
                    c = line.charAt(++at);
                }
                value.append(c);
                at++;
            }
            if (at >= line.length()) {
                return null;
            }
            at++;
            values[k] = value.toString();
        }
        return values;
    }

    /** Lines of an unbuffered socket stream, read through a small buffer of our own. */
    private static final class LineReader {

        private final InputStream in;
        private final byte[] buffer = new byte[2048];
        private int position;
        private int limit;
        private final StringBuilder line = new StringBuilder(128);

        LineReader(InputStream in) {
            this.in = in;
        }

        /** The next line without its end, or null at the end of the stream. */
        String next() throws IOException {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return any ? line.toString() : null;
                    }
                }
                byte b = buffer[position++];
                any = true;
                if (b == '\n') {
                    int length = line.length();
                    if (length > 0 && line.charAt(length - 1) == '\r') {
                        line.setLength(length - 1);
                    }
                    return line.toString();
                }
                line.append((char) (b & 0xff));
            }
        }
    }
}
