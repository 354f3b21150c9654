package dev.warroom.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port for the whole test run; email is on in every test. It
 * takes Warroom's login, so a test can make it refuse for good by changing the password, and it can be
 * stopped and started again on the same port.
 */
public class SmtpServerStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "Warroom <warroom@warroom.example>";
    public static final String LOGIN = "warroom";
    public static final String PASSWORD = "smtp-secret";

    private static GreenMail server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = freePort();
            startServer();
        }
        // The documented variables, so the mapping in application.properties is what the tests use.
        return Map.of("WARROOM_SMTP_HOST", "127.0.0.1",
                "WARROOM_SMTP_PORT", String.valueOf(port),
                "WARROOM_SMTP_FROM", FROM,
                "WARROOM_SMTP_USERNAME", LOGIN,
                "WARROOM_SMTP_PASSWORD", PASSWORD,
                "WARROOM_SMTP_START_TLS", "DISABLED");
    }

    private static void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("warroom@warroom.example", LOGIN, PASSWORD));
        server.start();
    }

    /** Every email received since the last {@link #forget()}, oldest first. */
    public static synchronized List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** Running, empty, and taking Warroom's login again. */
    public static synchronized void forget() {
        up();
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail mailboxes could not be emptied", e);
        }
        server.getUserManager().getUser(LOGIN).setPassword(PASSWORD);
    }

    /** From now on the server refuses Warroom's login (535, a permanent error) until {@link #forget()}. */
    public static synchronized void refuseLogin() {
        server.getUserManager().getUser(LOGIN).setPassword("changed-by-the-mail-admin");
    }

    public static synchronized void down() {
        server.stop();
    }

    public static synchronized void up() {
        if (!server.isRunning()) {
            startServer();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for the SMTP server", e);
        }
    }

    @Override
    public void stop() {
        // Kept for the whole run, like the database: Quarkus restarts the app between test profiles.
    }
}
