package dev.warroom.chat;

/** A chat platform's adapter, running the stored work of its requests (also after a crash, on any instance). */
public interface InboxWorkRunner {

    /** The platform whose kinds of work this runs: {@code slack} runs {@code slack.*}. */
    String platform();

    void run(InboxWork work);
}
