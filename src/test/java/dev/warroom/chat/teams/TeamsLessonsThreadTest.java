package dev.warroom.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.warroom.report.Lesson;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackChat;
import dev.warroom.support.TeamsChat;
import dev.warroom.support.TeamsProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.warroom.support.TeamsChat.ALICE_AAD;
import static dev.warroom.support.TeamsChat.INCIDENT_THREAD;
import static dev.warroom.support.TeamsChat.activitiesOf;
import static dev.warroom.support.TeamsChat.in;
import static dev.warroom.support.TeamsChat.message;
import static org.assertj.core.api.Assertions.assertThat;

/** The lessons-learned thread in Teams: the incident's reply chain, its replies, their edits and deletions. */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class TeamsLessonsThreadTest extends ScenarioTest {

    static final String ERIN_AAD = "8f2c1a6e-0000-4000-8000-0000000e41e0";

    @Inject
    TeamsConnector connector;

    TeamsChat teams;
    WireMockServer microsoft;
    JsonNode promptPost;

    @BeforeEach
    void anIncidentIsResolvedInTeams() {
        new SlackChat(clock).answeringAsUsual();
        teams = new TeamsChat().answeringAsUsual();
        microsoft = teams.server();
        connector.forgetToken();
        microsoft.stubFor(post(urlEqualTo(activitiesOf(INCIDENT_THREAD))).atPriority(1)
                .withRequestBody(containing("Lessons learned")).willReturn(okJson("{\"id\":\"lessons-2009\"}")));
        teams.send(message("<at>Warroom</at> declare payments-api high Checkout failing"));
        teams.send(in(INCIDENT_THREAD, message("<at>Warroom</at> resolve Rolled back")));
        promptPost = teams.postedTo(INCIDENT_THREAD).stream().filter(a -> TeamsChat.says(a).startsWith("📝"))
                .findFirst().orElseThrow();
        microsoft.resetRequests();
        clock.advance(Duration.ofMinutes(10));
    }

    @Test
    void thePromptPostMentionsTheManagerAndRoleHoldersWithTeamsContacts() {
        assertThat(promptPost.get("text").asText()).isEqualTo("""
                📝 **Lessons learned** for INC-1, <at>Alice Smith</at> Dave Brown <at>Erin Green</at> Bob Jones \
                Carol White Frank Black: reply in this thread, one lesson a reply, starting with the number of the \
                question it answers (`2. …`), or type `lesson 2 <text>`.
                1. What went well?
                2. What went wrong or slowed us down?
                3. What should change in this plan?""");
        assertThat(promptPost.get("entities").toString()).isEqualTo("["
                + "{\"type\":\"mention\",\"text\":\"<at>Alice Smith</at>\",\"mentioned\":{\"id\":\"" + ALICE_AAD
                + "\",\"name\":\"Alice Smith\"}},"
                + "{\"type\":\"mention\",\"text\":\"<at>Erin Green</at>\",\"mentioned\":{\"id\":\"" + ERIN_AAD
                + "\",\"name\":\"Erin Green\"}}]");
    }

    @Test
    void aReplyInTheIncidentThreadIsALessonUnderItsPrompt() {
        teams.send(reply("reply-1", "<at>Warroom</at> 2. Alerting fired 10 minutes late")).statusCode(200);

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Alerting fired 10 minutes late");
        assertThat(incident("INC-1").getList("lessons.prompt", Integer.class)).containsExactly(2);
        assertThat(incident("INC-1").getList("lessons.author", String.class)).containsExactly("alice");
        assertThat(incident("INC-1").getList("lessons.at", String.class)).containsExactly("2026-11-25T09:10:00Z");
        assertThat(lesson("reply-1").sourceRef).isEqualTo("teams:" + INCIDENT_THREAD + ":reply-1");
        // Bots cannot react in Teams: a short answer in the reply chain.
        assertThat(teams.postedTo(INCIDENT_THREAD)).extracting(TeamsChat::says).containsExactly(
                "Lesson 1 recorded for INC-1 under “What went wrong or slowed us down?”. Thank you, Alice Smith.");
    }

    @Test
    void anEditChangesTheLessonAndADeletionRemovesIt() {
        teams.send(reply("reply-1", "<at>Warroom</at> 2. Alerting fired late"));
        clock.advance(Duration.ofMinutes(5));

        ObjectNode update = changed("messageUpdate", "reply-1", "<at>Warroom</at> 2. Alerting fired 10 minutes late");
        update.with("channelData").put("eventType", "editMessage");
        teams.send(update).statusCode(200);
        teams.send(update).statusCode(200); // Teams sending it again changes nothing more

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Alerting fired 10 minutes late");
        assertThat(incident("INC-1").getList("lessons.editedAt", String.class)).containsExactly("2026-11-25T09:15:00Z");
        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'lesson_edited' }.details", String.class))
                .containsExactly("“2. Alerting fired late” → “2. Alerting fired 10 minutes late”");

        ObjectNode delete = changed("messageDelete", "reply-1", null);
        delete.with("channelData").put("eventType", "softDeleteMessage");
        teams.send(delete).statusCode(200);

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        assertThat(lesson("reply-1").deletedAt).isEqualTo(Instant.parse("2026-11-25T09:15:00Z"));
        assertThat(teams.postedTo(INCIDENT_THREAD)).hasSize(1); // only the answer to the reply itself
    }

    @Test
    void aRetriedReplyIsStoredOnce() {
        teams.send(reply("reply-1", "<at>Warroom</at> Alerting fired late"));
        teams.send(reply("reply-1", "<at>Warroom</at> Alerting fired late"));

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Alerting fired late");
        assertThat(teams.postedTo(INCIDENT_THREAD)).hasSize(1);
    }

    @Test
    void repliesElsewhereAndChangesToOtherMessagesAreNoLessons() {
        teams.send(message("<at>Warroom</at> Alerting fired late")).statusCode(200); // the team channel, not the thread
        teams.send(changed("messageUpdate", "unknown-9", "<at>Warroom</at> edited")).statusCode(200);
        teams.send(changed("messageDelete", "unknown-9", null)).statusCode(200);

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        assertThat(timelineTypes("INC-1")).doesNotContain("lesson_added", "lesson_edited", "lesson_deleted");
    }

    private static ObjectNode reply(String id, String text) {
        ObjectNode activity = in(INCIDENT_THREAD, message(text));
        activity.put("id", id);
        return activity;
    }

    private static ObjectNode changed(String type, String id, String text) {
        ObjectNode activity = reply(id, text == null ? "" : text);
        activity.put("type", type);
        if (text == null) {
            activity.remove("text");
        }
        return activity;
    }

    private static Lesson lesson(String activityId) {
        return QuarkusTransaction.requiringNew().call(() ->
                Lesson.bySource("teams:" + INCIDENT_THREAD + ":" + activityId).orElseThrow());
    }
}
