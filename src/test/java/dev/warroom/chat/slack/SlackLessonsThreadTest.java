package dev.warroom.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.warroom.report.Lesson;
import dev.warroom.support.ScenarioTest;
import dev.warroom.support.SlackApiStandIn;
import dev.warroom.support.SlackChat;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The lessons-learned thread in Slack: the prompt post, replies as lessons, their edits and deletions. */
@QuarkusTest
class SlackLessonsThreadTest extends ScenarioTest {

    static final String CHANNEL = SlackChat.INCIDENT_CHANNEL;
    static final String LESSONS_TS = "1764061200.000900";
    static final String BOB_REPLY_TS = "1764061800.000100";
    static final ObjectMapper JSON = new ObjectMapper();

    SlackChat chat;
    WireMockServer slack;
    Map<String, String> promptPost;

    @BeforeEach
    void anIncidentIsResolvedInSlack() {
        chat = new SlackChat(clock).answeringAsUsual();
        slack = chat.server();
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).atPriority(1)
                .withRequestBody(matching(".*Lessons(\\+|%20)learned.*"))
                .willReturn(okJson("{\"ok\":true,\"ts\":\"" + LESSONS_TS + "\"}")));
        chat.slash("U01ALICE", "declare payments-api high Checkout failing", "trigger-1");
        chat.slash("U01ALICE", "resolve Rolled back", "trigger-2", CHANNEL);
        promptPost = chat.sent().stream().filter(m -> m.getOrDefault("text", "").startsWith("📝")).findFirst().orElseThrow();
        slack.resetRequests();
        clock.advance(Duration.ofMinutes(10));
    }

    @Test
    void thePromptPostIsNumberedAndTagsTheManagerAndEveryRoleHolder() throws Exception {
        Map<String, String> prompt = promptPost;
        assertThat(prompt).containsEntry("channel", CHANNEL).doesNotContainKey("thread_ts");
        // Slack notifies people by their member id; Dave and Erin have none in the plan, so they are named.
        assertThat(JSON.readTree(prompt.get("blocks")).get(0).get("text").get("text").asText()).isEqualTo("""
                📝 *Lessons learned* for INC-1, <@U01ALICE> Dave Brown Erin Green <@U01BOB> <@U01CAROL> <@U01FRANK>: \
                reply in this thread, one lesson a reply, starting with the number of the question it answers \
                (`2. …`), or type `lesson 2 &lt;text&gt;`.
                1. What went well?
                2. What went wrong or slowed us down?
                3. What should change in this plan?""");
    }

    @Test
    void aThreadReplyIsALessonUnderItsPromptAndIsTickedNotAnswered() {
        reply("Ev10", "U01BOB", "2. Alerting fired 10 minutes late", BOB_REPLY_TS, LESSONS_TS).statusCode(200);

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Alerting fired 10 minutes late");
        assertThat(incident("INC-1").getList("lessons.author", String.class)).containsExactly("bob");
        assertThat(incident("INC-1").getList("lessons.prompt", Integer.class)).containsExactly(2);
        assertThat(incident("INC-1").getList("lessons.at", String.class)).containsExactly("2026-11-25T09:10:00Z");
        assertThat(lesson("slack:C0INC1:" + BOB_REPLY_TS).text).isEqualTo("Alerting fired 10 minutes late");
        // One ✅ on Bob's reply rather than a message per reply in the thread.
        assertThat(chat.calls()).containsExactly("reactions.add");
        assertThat(chat.sent().get(0)).containsEntry("channel", CHANNEL).containsEntry("timestamp", BOB_REPLY_TS)
                .containsEntry("name", "white_check_mark");
    }

    @Test
    void aReplyNamingNoPromptIsKeptWholeUnderNoneAndTheThreadIsTold() {
        reply("Ev10", "U01BOB", "#7 The runbook link was dead", BOB_REPLY_TS, LESSONS_TS).statusCode(200);
        reply("Ev11", "U01CAROL", "3 retries were not enough", "1764061800.000200", LESSONS_TS).statusCode(200);

        assertThat(incident("INC-1").getList("lessons.text", String.class))
                .containsExactly("7 The runbook link was dead", "3 retries were not enough");
        assertThat(incident("INC-1").getList("lessons.prompt", Integer.class)).containsExactly(null, null);
        assertThat(chat.calls()).containsExactly("chat.postMessage", "reactions.add");
        assertThat(chat.sent().get(0)).containsEntry("channel", CHANNEL).containsEntry("thread_ts", LESSONS_TS)
                .containsEntry("text", "Lesson 1 recorded for INC-1, under no question: INC-1 asks questions 1 to 3, "
                        + "not 7. Thank you, Bob Jones.");
    }

    @Test
    void anEditChangesTheLessonAndADeletionRemovesItFromTheIncident() {
        reply("Ev10", "U01BOB", "2. Alerting fired late", BOB_REPLY_TS, LESSONS_TS);
        clock.advance(Duration.ofMinutes(5));

        String edit = SlackRequests.eventBody("Ev11", SlackRequests.messageChangedEventJson("U01BOB", CHANNEL, BOB_REPLY_TS,
                LESSONS_TS, "3. Page the on-call database engineer too", "2. Alerting fired late", "1764062100.000300"));
        chat.signed(edit, SlackRequests.JSON).statusCode(200);
        retried(edit).statusCode(200);

        assertThat(incident("INC-1").getList("lessons.text", String.class))
                .containsExactly("Page the on-call database engineer too");
        assertThat(incident("INC-1").getList("lessons.prompt", Integer.class)).containsExactly(3);
        assertThat(incident("INC-1").getList("lessons.editedAt", String.class)).containsExactly("2026-11-25T09:15:00Z");
        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'lesson_edited' }.details", String.class))
                .containsExactly("“2. Alerting fired late” → “3. Page the on-call database engineer too”");

        chat.signed(SlackRequests.eventBody("Ev12", SlackRequests.messageDeletedEventJson("U01BOB", CHANNEL, BOB_REPLY_TS,
                LESSONS_TS, "3. Page the on-call database engineer too", "1764062200.000400")), SlackRequests.JSON)
                .statusCode(200);

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        Lesson kept = lesson("slack:C0INC1:" + BOB_REPLY_TS);
        assertThat(kept.deletedAt).isEqualTo(Instant.parse("2026-11-25T09:15:00Z"));
        assertThat(kept.text).isEqualTo("Page the on-call database engineer too");
        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'lesson_deleted' }.actor", String.class))
                .containsExactly("bob");
        assertThat(chat.calls()).containsExactly("reactions.add"); // edits and deletions are not answered
    }

    @Test
    void aRetriedReplyIsStoredOnce() {
        String body = SlackRequests.eventBody("Ev10", SlackRequests.messageEventJson("U01BOB", CHANNEL,
                "2. Alerting fired late", BOB_REPLY_TS, LESSONS_TS));
        chat.signed(body, SlackRequests.JSON).statusCode(200);
        retried(body).statusCode(200);
        // The same message under another event id (Slack re-sending after a restart of its own) is one lesson too.
        reply("Ev99", "U01BOB", "2. Alerting fired late", BOB_REPLY_TS, LESSONS_TS).statusCode(200);

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Alerting fired late");
        assertThat(timelineTypes("INC-1").stream().filter("lesson_added"::equals)).hasSize(1);
        assertThat(chat.calls()).containsExactly("reactions.add");
    }

    @Test
    void repliesElsewhereAndEditsOfOtherMessagesAreNoLessons() {
        reply("Ev10", "U01BOB", "Rollback took 2 minutes", "1764061800.000500", SlackChat.MESSAGE_TS).statusCode(200);
        reply("Ev11", "U01BOB", "Top-level chatter", "1764061800.000600", null).statusCode(200);
        chat.signed(SlackRequests.eventBody("Ev12", SlackRequests.messageChangedEventJson("U01BOB", CHANNEL,
                "1764061800.000600", null, "Edited chatter", "Top-level chatter", "1764061900.000100")), SlackRequests.JSON)
                .statusCode(200);
        chat.signed(SlackRequests.eventBody("Ev13", SlackRequests.messageDeletedEventJson("U01BOB", CHANNEL,
                "1764061800.000500", SlackChat.MESSAGE_TS, "Rollback took 2 minutes", "1764061900.000200")), SlackRequests.JSON)
                .statusCode(200);

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        assertThat(timelineTypes("INC-1")).doesNotContain("lesson_added", "lesson_edited", "lesson_deleted");
        assertThat(chat.calls()).isEmpty();
    }

    private io.restassured.response.ValidatableResponse reply(String eventId, String user, String text, String ts,
                                                              String threadTs) {
        return chat.signed(SlackRequests.eventBody(eventId, SlackRequests.messageEventJson(user, CHANNEL, text, ts, threadTs)),
                SlackRequests.JSON);
    }

    private io.restassured.response.ValidatableResponse retried(String body) {
        return given().headers(SlackRequests.signedHeaders(body, chat.now(), SlackApiStandIn.SIGNING_SECRET))
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .contentType(SlackRequests.JSON).body(body).post("/slack/events").then();
    }

    private static Lesson lesson(String sourceRef) {
        return QuarkusTransaction.requiringNew().call(() -> Lesson.bySource(sourceRef).orElseThrow());
    }
}
