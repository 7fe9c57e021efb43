package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.pbxctl.agi.contract.Variables;
import io.pbxctl.daemon.ApiTestSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Broken clients get a closed connection or a refusal, and the server goes on answering. */
class FastAgiServerRobustnessTests extends ApiTestSupport {

    @Autowired
    private FastAgiServer server;

    private String sendRaw(byte[] bytes, boolean halfClose) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(bytes);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException e) {
                return "closed while sending: " + e.getMessage();
            }
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    private void stillAnswers() throws IOException {
        assertThat(new FakeAsterisk(server.port()).call("no-such-script", "1.1").get(Variables.RESULT)).isEqualTo("REFUSED");
    }

    @Test
    void aTruncatedEnvironmentIsDroppedWithoutAnswer() throws IOException {
        String sent = "agi_network: yes\nagi_network_script: outbound\nagi_uniqueid: 1.2\nagi_arg_1: ten";
        assertThat(sendRaw(sent.getBytes(StandardCharsets.UTF_8), true)).isEmpty();
        stillAnswers();
    }

    @Test
    void anAbsurdlyLongLineIsCut() throws IOException {
        byte[] line = ("agi_network_script: " + "x".repeat(200_000) + "\n\n").getBytes(StandardCharsets.US_ASCII);
        assertThat(sendRaw(line, false)).doesNotContain("SET VARIABLE");
        stillAnswers();
    }

    @Test
    void anEnvironmentWithoutScriptOrArgumentsIsRefused() throws IOException {
        FakeAsterisk.Call call = new FakeAsterisk(server.port()).exchange(List.of("garbage line", "agi_uniqueid: 1.3", "agi_: x"));
        assertThat(call.variables()).containsEntry(Variables.RESULT, "REFUSED").containsEntry(Variables.REASON, "INVALID_REQUEST");
        assertThat(String.join("\n", call.commands())).doesNotContain("Exception").doesNotContain("at io.pbxctl");
    }

    @Test
    void aSilentClientIsNotAnsweredAndDoesNotBlockOthers() throws IOException {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            stillAnswers();
        }
    }
}
