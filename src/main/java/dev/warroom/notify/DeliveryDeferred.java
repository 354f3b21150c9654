package dev.warroom.notify;

import java.time.Duration;

/** The platform asked to wait (a 429 with Retry-After): the message is tried again after that time. */
public class DeliveryDeferred extends Exception {

    private final Duration retryAfter;

    public DeliveryDeferred(Duration retryAfter, String reason) {
        super(reason);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
