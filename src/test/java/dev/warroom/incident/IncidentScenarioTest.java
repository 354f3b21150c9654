package dev.warroom.incident;

import dev.warroom.support.TestClock;
import dev.warroom.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.say;

@QuarkusTest
class IncidentScenarioTest {

    @Inject
    TestDatabase database;
    @Inject
    TestClock clock;

    @BeforeEach
    void reset() {
        database.reset();
        clock.set(TestClock.START);
    }

    @Test
    void smoke() {
        say("zoe", "general", "/incident declare payments-api high type=outage Checkout failing");
        clock.advance(Duration.ofMinutes(2));
        say("alice", "inc-1-checkout-failing", "/incident ack");
        say("bob", "inc-1-checkout-failing", "/incident done 1");
        for (String channel : new String[]{"general", "inc-1-checkout-failing", "@alice", "@dave", "@head-of-payments", "@card-processor-noc"}) {
            System.out.println("=== " + channel);
            botTexts(channel).forEach(t -> System.out.println(t + "\n---"));
        }
    }
}
