package dev.warroom.chat.slack;

import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.UrlVerificationRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slash commands are read in one pass, into exactly the payload Bolt's own parser makes; the rest goes to Bolt. */
class SlackRequestReaderTest {

    private final SlackRequestReader reader = new SlackRequestReader(AppConfig.builder().signingSecret("s").build());

    @ParameterizedTest
    @ValueSource(strings = {
            "help",
            "declare payments-api sev1 50% of cards fail + refunds\nsecond line & <b> é",
            "status INC-12 a=b c==d",
            "",
            "  spaces around  "})
    void aCommandFromSlackReadsAsBoltReadsIt(String text) {
        String body = SlackRequests.slashCommandBody("U0ADA", "ada", "C0INCIDENTS", text, "1.2.abc");

        SlashCommandPayload payload = SlackRequestReader.slashCommand(body);

        assertThat(payload).isEqualTo(new SlashCommandPayloadParser().parse(body));
        assertThat(payload.getCommand()).isEqualTo("/incident");
        assertThat(payload.getText()).isEqualTo(text.isEmpty() ? null : text); // Bolt drops an empty field
    }

    @Test
    void oddPairsAreSkippedAsBoltSkipsThem() {
        String body = "command=%2Fincident&text=a=b&user_id=&=x&channel_id=C1&trigger_id=t%3D1&%0Auser_name=ada";

        assertThat(SlackRequestReader.slashCommand(body)).isEqualTo(new SlashCommandPayloadParser().parse(body));
    }

    @Test
    void theRequestIsBoltsSlashCommandWithItsContextFilledIn() {
        String body = SlackRequests.slashCommandBody("U0ADA", "ada", "C0INCIDENTS", "help", "1.2.abc");

        Request<?> request = reader.read(body, headers(Map.of("x-forwarded-for", "10.0.0.7")));

        SlashCommandRequest command = (SlashCommandRequest) request;
        assertThat(command.getPayload().getText()).isEqualTo("help");
        assertThat(command.getRequestBodyAsString()).isEqualTo(body);
        assertThat(command.getContext().getTeamId()).isEqualTo("T0WARROOM");
        assertThat(command.getContext().getRequestUserId()).isEqualTo("U0ADA");
        assertThat(command.getContext().getChannelId()).isEqualTo("C0INCIDENTS");
        assertThat(command.getContext().getTriggerId()).isEqualTo("1.2.abc");
        assertThat(command.getClientIpAddress()).isEqualTo("10.0.0.7");
    }

    @Test
    void interactionsEventsAndOtherFormsAreLeftToBolt() {
        assertThat(SlackRequestReader.slashCommand(SlackRequests.blockActionBody("U0ADA", "C1", "done 1", "1.2"))).isNull();
        assertThat(SlackRequestReader.slashCommand(SlackRequests.urlVerificationBody("abc"))).isNull();
        assertThat(SlackRequestReader.slashCommand("user_id=U1&text=help")).isNull(); // no command field
        assertThat(SlackRequestReader.slashCommand("   ")).isNull();

        assertThat(reader.read(SlackRequests.blockActionBody("U0ADA", "C1", "done 1", "1.2"), headers(Map.of())))
                .isInstanceOf(BlockActionRequest.class);
        assertThat(reader.read(SlackRequests.viewSubmissionBody("U0ADA", "web", "sev2", null, "Down"), headers(Map.of())))
                .isInstanceOf(ViewSubmissionRequest.class);
        assertThat(reader.read(SlackRequests.urlVerificationBody("abc"), headers(Map.of())))
                .isInstanceOf(UrlVerificationRequest.class);
        assertThat(reader.read(SlackRequests.eventBody("Ev1", SlackRequests.appMentionEventJson("U0ADA", "C1", "hi", "1.1")),
                headers(Map.of()))).isInstanceOf(EventRequest.class);
        assertThat(reader.read("user_id=U1&text=help", headers(Map.of()))).isNull();
    }

    @Test
    void aBrokenEscapeIsRefusedAsBoltRefusesIt() {
        String body = "command=%2Fincident&text=50%ZZ";

        assertThatThrownBy(() -> new SlashCommandPayloadParser().parse(body)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlackRequestReader.slashCommand(body)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RequestHeaders headers(Map<String, String> values) {
        Map<String, List<String>> multi = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.forEach((name, value) -> multi.put(name, List.of(value)));
        return new RequestHeaders(multi);
    }
}
