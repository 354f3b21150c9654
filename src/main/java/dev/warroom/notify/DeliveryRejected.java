package dev.warroom.notify;

/** The platform refused the message for good (e.g. an unknown channel): retrying cannot help. */
public class DeliveryRejected extends Exception {

    public DeliveryRejected(String reason) {
        super(reason);
    }
}
