package dev.warroom.email;

import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SmtpServerStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP host, email is off: chat pages go out, pages by email wait in the outbox. */
@QuarkusTest
@TestProfile(EmailOffTest.NoSmtpHost.class)
class EmailOffTest extends ScenarioTest {

    public static class NoSmtpHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Blank, not empty: an empty value counts as unset, and WARROOM_SMTP_HOST from the test resources would show through.
            return Map.of("warroom.smtp.host", " ");
        }
    }

    @Inject
    OutboxDispatcher dispatcher;

    @Test
    void pagesByEmailWaitWhileChatPagesGoOut() {
        SmtpServerStandIn.forget();
        say("zoe", "general", "/incident declare payments-api high Checkout failing");

        say("alice", "inc-1-checkout-failing", "/incident escalate need the leads");
        clock.advance(Duration.ofHours(1));
        dispatcher.deliverPending();

        assertThat(lastBotText("@carol")).startsWith("⬆ INC-1 · payments-api · HIGH — Checkout failing is escalated to you");
        assertThat(SmtpServerStandIn.received()).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                "platform = 'email' order by id").stream().map(r -> r.destination + " " + r.status + " " + r.attempts)
                .toList())).isEqualTo(List.of("bob PENDING 0", "carol PENDING 0"));
    }
}
