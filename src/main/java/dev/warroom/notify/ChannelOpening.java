package dev.warroom.notify;

import java.util.List;

/**
 * A dedicated incident channel to open before anything is posted in it: its name, topic and first members (person
 * ids), and the channel the declare came from ({@code requestedIn}, on the same platform), where a platform that
 * cannot open the channel says why.
 */
public record ChannelOpening(String name, String topic, List<String> members, String requestedIn) {

    public ChannelOpening {
        members = List.copyOf(members);
    }
}
