package dev.warroom.notify;

import java.util.List;

/** A dedicated incident channel to open before anything is posted in it: its name, topic and first members (person ids). */
public record ChannelOpening(String name, String topic, List<String> members) {

    public ChannelOpening {
        members = List.copyOf(members);
    }
}
