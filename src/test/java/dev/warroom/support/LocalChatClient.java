package dev.warroom.support;

import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Talks to Warroom through the local chat API, as the web page does. */
public final class LocalChatClient {

    private LocalChatClient() {
    }

    /** Posts a message as {@code user} in {@code channel}; the bot's answers are stored when this returns. */
    public static void say(String user, String channel, String text) {
        given().contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "user", user, "text", text))
                .post("/api/local/messages")
                .then().statusCode(200);
    }

    /** The texts of the bot's messages in a channel, oldest first. */
    public static List<String> botTexts(String channel) {
        return given().queryParam("channel", channel).get("/api/local/messages")
                .then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.user == 'warroom' }.text", String.class);
    }

    /** The last thing the bot said in a channel. */
    public static String lastBotText(String channel) {
        List<String> texts = botTexts(channel);
        return texts.isEmpty() ? null : texts.get(texts.size() - 1);
    }
}
