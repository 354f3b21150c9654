package dev.warroom.chat;

/**
 * The work behind a chat request was not taken: nothing of the request was done or stored, and the adapter answers
 * 503 with {@code Retry-After} (see {@link RefusedRequests}) so the platform or the person sends it again.
 */
public abstract class WorkRefused extends RuntimeException {

    /** Seconds a caller is asked to wait before sending it again. */
    public static final String RETRY_AFTER_SECONDS = "1";

    private final String reason;

    protected WorkRefused(String reason, String message) {
        this(reason, message, null);
    }

    /** @param cause what refused it, for the log; the caller is told only {@code message} */
    protected WorkRefused(String reason, String message, Throwable cause) {
        // No stack trace: under a burst thousands are thrown a second, and nobody reads where (it is always submit).
        super(message, cause, false, false);
        this.reason = reason;
    }

    /** A word for logs and metrics: {@code busy}, {@code stopping} or {@code unstored}. */
    public String reason() {
        return reason;
    }
}
