package dev.warroom.email;

import dev.warroom.notify.OutboxDispatcher;
import dev.warroom.notify.OutboxMessage;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SmtpServerStandIn;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static dev.warroom.support.LocalChatClient.botTexts;
import static dev.warroom.support.LocalChatClient.lastBotText;
import static dev.warroom.support.LocalChatClient.say;
import static org.assertj.core.api.Assertions.assertThat;

/** Escalation pages every person of the new level by chat and by email, through a real SMTP server. */
@QuarkusTest
class EmailPagingTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-card-data-leak";
    static final String SUBJECT = "[INC-1] high · payments-api — escalated to you";

    @Inject
    OutboxDispatcher dispatcher;

    @BeforeEach
    void emptyMailServer() {
        SmtpServerStandIn.forget();
    }

    @Test
    void escalatingPagesTheNewLevelByChatAndByEmail() throws Exception {
        say("zoe", "general", "/incident declare payments-api high type=security-breach Card data leak");
        assertThat(SmtpServerStandIn.received()).isEmpty(); // telling the chain is chat only
        assertThat(botTexts("@dave")).hasSize(1); // dave has no chat id: the local chat reaches him

        say("alice", CHANNEL, "/incident escalate cannot contain alone");
        String levelTwo = "⬆ INC-1 · payments-api · HIGH — Card data leak is escalated to you (level 2, Payments "
                + "engineering leads) by Alice Smith. Reason: cannot contain alone. Channel: #" + CHANNEL
                + "\n_You are told as escalation level 2, Payments engineering leads._";
        assertThat(emails()).containsExactly(
                email("bob@example.com", SUBJECT, levelTwo),
                email("carol@example.com", SUBJECT, levelTwo));

        SmtpServerStandIn.forget();
        say("bob", CHANNEL, "/incident escalate suspected data breach");
        String levelThree = "⬆ INC-1 · payments-api · HIGH — Card data leak is escalated to you (level 3, Major "
                + "Incident Team) by Bob Jones. Reason: suspected data breach. Channel: #" + CHANNEL;
        assertThat(emails()).containsExactly(
                email("dave@example.com", SUBJECT, levelThree
                        + "\n_You are told as escalation level 3, Major Incident Team._"),
                email("head-payments@example.com", SUBJECT, levelThree
                        + "\n_You are told as internal stakeholder, escalation level 3, Major Incident Team._"));
        assertThat(lastBotText("@dave")).isEqualTo(levelThree
                + "\n_You are told as escalation level 3, Major Incident Team._");
        assertThat(rows("dave")).containsExactly("local MESSAGE SENT", "local MESSAGE SENT", "email MESSAGE SENT");
        assertThat(lastBotText(CHANNEL)).isEqualTo("⬆ INC-1 escalated to level 3, Major Incident Team by Bob Jones. "
                + "Paged: Dave Brown, Head of Payments. Reason: suspected data breach");
    }

    @Test
    void anEmailTheMailServerRefusesForGoodIsGivenUpAtOnceAndTheTimelineSaysSo() {
        say("zoe", "general", "/incident declare payments-api high type=security-breach Card data leak");
        SmtpServerStandIn.refuseLogin();

        say("alice", CHANNEL, "/incident escalate cannot contain alone");

        assertThat(SmtpServerStandIn.received()).isEmpty();
        assertThat(rows("bob")).endsWith("email MESSAGE FAILED");
        assertThat(lastBotText(CHANNEL)).startsWith("⬆ INC-1 escalated to level 2"); // chat goes on
        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'delivery_failed' }.details", String.class))
                .containsExactly(
                        "A message to email bob could not be delivered after 1 attempt: the mail server refused the "
                                + "email to bob@example.com: login refused: 535 5.7.8  Authentication credentials invalid",
                        "A message to email carol could not be delivered after 1 attempt: the mail server refused the "
                                + "email to carol@example.com: login refused: 535 5.7.8  Authentication credentials invalid");
    }

    @Test
    void withTheMailServerDownEmailsWaitAndGoOutWhenItIsBack() throws Exception {
        say("zoe", "general", "/incident declare payments-api high type=security-breach Card data leak");
        SmtpServerStandIn.down();

        say("alice", CHANNEL, "/incident escalate cannot contain alone");
        assertThat(lastBotText("@carol")).startsWith("⬆ INC-1 · payments-api · HIGH — Card data leak is escalated to you");
        assertThat(rows("carol")).endsWith("email MESSAGE PENDING");

        SmtpServerStandIn.up();
        dispatcher.deliverPending();
        assertThat(SmtpServerStandIn.received()).isEmpty(); // not before its backoff is over
        clock.advance(Duration.ofMinutes(1));
        dispatcher.deliverPending();

        assertThat(emails()).extracting(e -> e.split("\n")[0]).containsExactly("to bob@example.com", "to carol@example.com");
        assertThat(rows("carol")).endsWith("email MESSAGE SENT");
    }

    /** Each email received, as "to ...", "from ...", "subject ...", then its body. */
    private static List<String> emails() throws MessagingException, IOException {
        List<String> out = new java.util.ArrayList<>();
        for (MimeMessage message : SmtpServerStandIn.received()) {
            out.add("to " + String.join(", ", Arrays.stream(message.getRecipients(RecipientType.TO)).map(Object::toString).toList())
                    + "\nfrom " + message.getFrom()[0] + "\nsubject " + message.getSubject()
                    + "\n" + String.valueOf(message.getContent()).replace("\r\n", "\n"));
        }
        return out;
    }

    private static String email(String to, String subject, String body) {
        return "to " + to + "\nfrom " + SmtpServerStandIn.FROM + "\nsubject " + subject + "\n" + body;
    }

    /** The outbox rows to one person, oldest first: platform, kind, status. */
    private static List<String> rows(String person) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list(
                        "destination = ?1 order by id", person).stream()
                .map(r -> r.platform + " " + r.kind + " " + r.status).toList());
    }
}
