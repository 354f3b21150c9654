package dev.warroom.chat.local;

import dev.warroom.report.Lesson;
import dev.warroom.support.ScenarioTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The lessons-learned thread in the local chat: replies under the prompt post, edited and deleted by their writers. */
@QuarkusTest
class LocalLessonsThreadTest extends ScenarioTest {

    static final String CHANNEL = "inc-1-checkout-failing";

    long lessonsPost;

    @BeforeEach
    void anIncidentIsResolved() {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("alice", CHANNEL, "/incident resolve Failed over");
        lessonsPost = messages().getLong("find { it.text.startsWith('📝') }.id");
        clock.advance(Duration.ofMinutes(10));
    }

    @Test
    void thePromptPostTagsTheManagerAndRoleHoldersByTheirLocalNames() {
        assertThat(messages().getString("find { it.id == " + lessonsPost + " }.text")).isEqualTo("""
                📝 *Lessons learned* for INC-1, @alice @dave @erin @bob @carol @frank: reply in this thread, one lesson \
                a reply, starting with the number of the question it answers (`2. …`), or type `lesson 2 <text>`.
                1. What went well?
                2. What went wrong or slowed us down?
                3. What should change in this plan?""");
    }

    @Test
    void aThreadReplyIsALessonAndTheAnswerStaysInTheThread() {
        long reply = post("bob", "1. Failover worked within 4 minutes", lessonsPost).statusCode(200)
                .body("parent", equalTo((int) lessonsPost)).extract().jsonPath().getLong("id");

        assertThat(incident("INC-1").getList("lessons.text", String.class)).containsExactly("Failover worked within 4 minutes");
        assertThat(incident("INC-1").getList("lessons.prompt", Integer.class)).containsExactly(1);
        assertThat(incident("INC-1").getList("lessons.author", String.class)).containsExactly("bob");
        assertThat(incident("INC-1").getList("lessons.at", String.class)).containsExactly("2026-11-25T09:10:00Z");
        assertThat(lesson(reply).sourceRef).isEqualTo("local:" + reply);
        JsonPath answer = messages();
        assertThat(answer.getString("last().text"))
                .isEqualTo("Lesson 1 recorded for INC-1 under “What went well?”. Thank you, Bob Jones.");
        assertThat(answer.getLong("last().parent")).isEqualTo(lessonsPost);

        // A reply to a reply stays in the same thread, and is a lesson too.
        post("carol", "`lesson` typed here would work as well", reply).statusCode(200)
                .body("parent", equalTo((int) lessonsPost));
        assertThat(incident("INC-1").getList("lessons.author", String.class)).containsExactly("bob", "carol");
    }

    @Test
    void theWriterEditsAndDeletesTheirReplyAndTheLessonFollows() {
        long reply = post("bob", "2. Paging was slow", lessonsPost).extract().jsonPath().getLong("id");
        clock.advance(Duration.ofMinutes(5));

        edit(reply, "carol", "2. Carol rewrites Bob").statusCode(403)
                .body("error", equalTo("only bob may change message " + reply));
        edit(reply, "bob", "2. Paging the database team took 20 minutes").statusCode(200)
                .body("text", equalTo("2. Paging the database team took 20 minutes"))
                .body("editedAt", equalTo("2026-11-25T09:15:00Z"));

        assertThat(incident("INC-1").getList("lessons.text", String.class))
                .containsExactly("Paging the database team took 20 minutes");
        assertThat(incident("INC-1").getList("lessons.editedAt", String.class)).containsExactly("2026-11-25T09:15:00Z");
        assertThat(incident("INC-1").getList("timeline.findAll { it.type == 'lesson_edited' }.details", String.class))
                .containsExactly("“2. Paging was slow” → “2. Paging the database team took 20 minutes”");

        given().queryParam("user", "bob").delete("/api/local/messages/" + reply).then().statusCode(200)
                .body("deleted", equalTo(true)).body("text", equalTo(""));

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        assertThat(lesson(reply).deletedAt).isEqualTo(Instant.parse("2026-11-25T09:15:00Z"));
        assertThat(messages().getBoolean("find { it.id == " + reply + " }.deleted")).isTrue();
        given().queryParam("user", "bob").delete("/api/local/messages/" + reply).then().statusCode(404)
                .body("error", equalTo("there is no message " + reply));
    }

    @Test
    void mistakesAreAnsweredAndChangeNothing() {
        post("bob", "Lost reply", 999999L).statusCode(400)
                .body("error", equalTo("there is no message 999999 in " + CHANNEL + " to reply to"));
        given().contentType(ContentType.JSON).body("{\"channel\":\"" + CHANNEL + "\",\"user\":\"bob\",\"text\":\"x\","
                + "\"parent\":\"first\"}").post("/api/local/messages").then().statusCode(400)
                .body("error", equalTo("parent must be the id (a number) of the message to reply to"));
        edit(lessonsPost, "bob", "").statusCode(400).body("error", equalTo("text is required and must be a non-empty string"));
        edit(lessonsPost, "bob", "Bob rewrites Warroom").statusCode(403);
        given().delete("/api/local/messages/" + lessonsPost).then().statusCode(400)
                .body("error", equalTo("query parameter user is required"));

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        assertThat(messages().getString("find { it.id == " + lessonsPost + " }.text")).startsWith("📝");
    }

    @Test
    void aReplyInAnotherThreadIsNoLesson() {
        long card = messages().getLong("[0].id"); // the summary card
        post("bob", "Nice card", card).statusCode(200);

        assertThat(incident("INC-1").getList("lessons")).isEmpty();
        assertThat(messages().getString("last().text")).isEqualTo("Nice card");
    }

    private static ValidatableResponse post(String user, String text, Long parent) {
        Map<String, Object> body = new HashMap<>(Map.of("channel", CHANNEL, "user", user, "text", text));
        body.put("parent", parent);
        return given().contentType(ContentType.JSON).body(body).post("/api/local/messages").then();
    }

    private static ValidatableResponse edit(long id, String user, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("user", user, "text", text))
                .put("/api/local/messages/" + id).then();
    }

    private static JsonPath messages() {
        return given().queryParam("channel", CHANNEL).get("/api/local/messages").then().statusCode(200).extract().jsonPath();
    }

    private static Lesson lesson(long messageId) {
        return QuarkusTransaction.requiringNew().call(() -> Lesson.bySource("local:" + messageId).orElseThrow());
    }
}
