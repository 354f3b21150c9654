package dev.warroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A local port that refuses every connection for the whole test run. A port found free and then closed is not enough:
 * the app under test binds its own HTTP port right after (test port 0) and the kernel may hand it that very port, so
 * the "unreachable" address would answer. This one stays bound, without listening, so nothing else can take it.
 */
public final class RefusingPort {

    private static Socket held;

    private RefusingPort() {
    }

    public static synchronized int number() {
        if (held == null) {
            try {
                Socket socket = new Socket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                held = socket;
            } catch (IOException e) {
                throw new UncheckedIOException("No port to hold closed", e);
            }
        }
        return held.getLocalPort();
    }
}
