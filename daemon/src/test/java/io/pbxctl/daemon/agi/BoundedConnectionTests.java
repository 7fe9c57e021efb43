package io.pbxctl.daemon.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lines as a client sends them over a real loopback socket, in pieces that end anywhere. */
class BoundedConnectionTests {

    private ServerSocket listener;
    private Socket client;
    private BoundedConnection connection;
    private OutputStream out;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        Socket accepted = listener.accept();
        accepted.setSoTimeout(10_000);
        connection = new BoundedConnection(accepted);
        out = client.getOutputStream();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        connection.close();
        listener.close();
    }

    @Test
    void linesEndWithANewlineOrACarriageReturnAndNewline() throws Exception {
        send("agi_network: yes\r\nagi_arg_1: Kế toán\n\n200 result=1\r\n");

        assertThat(connection.readLine()).isEqualTo("agi_network: yes");
        assertThat(connection.readLine()).isEqualTo("agi_arg_1: Kế toán");
        assertThat(connection.readLine()).isEmpty();
        assertThat(connection.readLine()).isEqualTo("200 result=1");
    }

    /** Each line is read before the rest of it is sent, so its bytes arrive in two reads. */
    @Test
    void aLineIsWholeWhereverTheClientsSendsCutIt() throws Exception {
        send("agi_network: yes\nagi_uniqueid: 17");
        assertThat(connection.readLine()).isEqualTo("agi_network: yes");
        send("63900000.1\nagi_arg_2: x\r");
        assertThat(connection.readLine()).isEqualTo("agi_uniqueid: 1763900000.1");
        byte[] name = "\nagi_callerid: Trần\n".getBytes(StandardCharsets.UTF_8);
        int middleOfALetter = "\nagi_callerid: Tr".getBytes(StandardCharsets.UTF_8).length + 1;
        sendBytes(Arrays.copyOfRange(name, 0, middleOfALetter));
        assertThat(connection.readLine()).as("a carriage return at the end of one read, its newline in the next").isEqualTo("agi_arg_2: x");
        sendBytes(Arrays.copyOfRange(name, middleOfALetter, name.length));
        assertThat(connection.readLine()).as("a letter cut between two reads").isEqualTo("agi_callerid: Trần");
    }

    @Test
    void aLineOfTheLongestLengthIsReadAndOneByteMoreIsCut() throws Exception {
        String longest = "x".repeat(BoundedConnection.MAX_LINE);
        send(longest + "\n" + longest + "y\n");

        assertThat(connection.readLine()).isEqualTo(longest);
        assertThatThrownBy(connection::readLine).isInstanceOf(IOException.class)
                .hasMessage("the FastAGI client sent a line longer than 8192 bytes");
    }

    @Test
    void aConnectionThatSendsTooMuchIsCutEvenInShortLines() throws Exception {
        Thread sender = new Thread(() -> {
            try {
                byte[] lines = "agi_x: y\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
                for (int sent = 0; sent <= BoundedConnection.MAX_TOTAL; sent += lines.length) {
                    out.write(lines);
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // The server cut the connection: what the test expects.
            }
        });
        sender.start();
        assertThatThrownBy(() -> {
            while (true) {
                connection.readLine();
            }
        }).isInstanceOf(IOException.class).hasMessage("the FastAGI client sent more than 1048576 bytes");
        connection.close();
        sender.join(10_000);
    }

    @Test
    void theEndOfTheStreamInTheMiddleOfALineIsAnErrorNotAShortLine() throws Exception {
        send("agi_network: yes\nagi_arg_1: ten");
        client.shutdownOutput();

        assertThat(connection.readLine()).isEqualTo("agi_network: yes");
        assertThatThrownBy(connection::readLine).isInstanceOf(EOFException.class);
    }

    private void send(String text) throws IOException {
        sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }
}
