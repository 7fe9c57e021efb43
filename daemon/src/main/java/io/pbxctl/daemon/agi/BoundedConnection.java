package io.pbxctl.daemon.agi;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection with limits: a line longer than {@link #MAX_LINE} bytes or a
 * connection that sends more than {@link #MAX_TOTAL} bytes is cut, so a broken or hostile
 * client cannot grow the heap; the end of the stream is an error, never a short request. The
 * total counts what was received, including what was read ahead of the current line.
 * Lines are cut out of a buffer of its own, not read byte by byte through synchronized streams:
 * a request is about a kilobyte, and the per-byte locking was the largest part of the FastAGI
 * threads' CPU (docs/performance.md).
 */
final class BoundedConnection implements SocketConnectionFacade {

    static final int MAX_LINE = 8 * 1024;
    static final int MAX_TOTAL = 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /**
     * Received and not yet read: {@code buffer[start, end)}. No larger than a line may be, so a
     * line found whole in it is short enough; longer ones pass through {@link #keep}, which counts.
     */
    private final byte[] buffer = new byte[MAX_LINE];
    private int start;
    private int end;
    /** The beginning of a line that did not end within the buffer. */
    private byte[] partial = new byte[256];
    private int partialLength;
    private long received;

    BoundedConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        // Unbuffered: the library writes each command whole and flushes it at once, so a buffer would only copy it.
        this.out = socket.getOutputStream();
    }

    @Override
    public String readLine() throws IOException {
        partialLength = 0;
        while (true) {
            if (start == end) {
                fill();
            }
            int newline = indexOfNewline();
            if (newline < 0) {
                keep(end);
                continue;
            }
            String line;
            if (partialLength == 0) {
                line = text(buffer, start, newline - start);
            } else {
                keep(newline);
                line = text(partial, 0, partialLength);
            }
            start = newline + 1;
            return line;
        }
    }

    private int indexOfNewline() {
        for (int i = start; i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            throw new EOFException("the FastAGI client closed the connection");
        }
        received += n;
        if (received > MAX_TOTAL) {
            throw new IOException("the FastAGI client sent more than " + MAX_TOTAL + " bytes");
        }
        start = 0;
        end = n;
    }

    /** Moves {@code buffer[start, upTo)} to the partial line. */
    private void keep(int upTo) throws IOException {
        int length = upTo - start;
        if (partialLength + length > MAX_LINE) {
            throw new IOException("the FastAGI client sent a line longer than " + MAX_LINE + " bytes");
        }
        if (partialLength + length > partial.length) {
            partial = Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + length));
        }
        System.arraycopy(buffer, start, partial, partialLength, length);
        partialLength += length;
        start = upTo;
    }

    /** The line without its newline and a carriage return before it. */
    private static String text(byte[] bytes, int from, int length) {
        int text = length > 0 && bytes[from + length - 1] == '\r' ? length - 1 : length;
        return new String(bytes, from, text, StandardCharsets.UTF_8);
    }

    @Override
    public void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
