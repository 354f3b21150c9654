package dev.warroom.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.Gson;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.warroom.chat.slack.SlackBlocks.DeclareForm;
import dev.warroom.chat.slack.SlackBlocks.PlanChoice;
import dev.warroom.command.Button;
import dev.warroom.command.Field;
import dev.warroom.command.Message;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Block Kit as Slack receives it: the SDK's own Gson serializes, the JSON is compared as a tree. */
class SlackBlocksTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void assertJson(String expected, Object actual) throws Exception {
        JsonNode expectedTree = MAPPER.readTree(expected);
        JsonNode actualTree = MAPPER.readTree(GSON.toJson(actual));
        if (!expectedTree.equals(actualTree)) {
            // the same assertion on pretty text, for a readable diff
            assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expectedTree),
                    MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actualTree));
        }
    }

    private static JsonNode tree(Object value) throws Exception {
        return MAPPER.readTree(GSON.toJson(value));
    }

    @Test
    void summaryCardWithFieldsAndButtons() throws Exception {
        Message card = new Message("*INC-3 · payments-api · SEV1 — Card payments failing* (drill)", List.of(
                new Field("Phase", "Triage since 09:15 UTC"),
                new Field("Declared", "by Ada Lovelace at 09:14 UTC"),
                new Field("Type", "card-outage"),
                new Field("Incident manager", "Grace Hopper (ack within 5m)"),
                new Field("Roles", "comms: Linus Torvalds; scribe: nobody"),
                new Field("Steps", "0 of 3 done"),
                new Field("Escalation", "level 1, On-call"),
                new Field("Plan", "https://wiki.example.com/plans/payments-api"),
                new Field("Offline copy", "Printed binder, ops room shelf 3")),
                List.of(new Button("Acknowledge", "ack INC-3"), new Button("Status", "status INC-3")), "summary", true);

        assertJson("""
                [
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "*INC-3 · payments-api · SEV1 — Card payments failing* (drill)"}},
                  {"type": "section", "fields": [
                    {"type": "mrkdwn", "text": "*Phase*\\nTriage since 09:15 UTC"},
                    {"type": "mrkdwn", "text": "*Declared*\\nby Ada Lovelace at 09:14 UTC"},
                    {"type": "mrkdwn", "text": "*Type*\\ncard-outage"},
                    {"type": "mrkdwn", "text": "*Incident manager*\\nGrace Hopper (ack within 5m)"},
                    {"type": "mrkdwn", "text": "*Roles*\\ncomms: Linus Torvalds; scribe: nobody"},
                    {"type": "mrkdwn", "text": "*Steps*\\n0 of 3 done"},
                    {"type": "mrkdwn", "text": "*Escalation*\\nlevel 1, On-call"},
                    {"type": "mrkdwn", "text": "*Plan*\\nhttps://wiki.example.com/plans/payments-api"},
                    {"type": "mrkdwn", "text": "*Offline copy*\\nPrinted binder, ops room shelf 3"}
                  ]},
                  {"type": "actions", "block_id": "warroom-actions-0", "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Acknowledge"},
                     "action_id": "warroom-cmd-0", "value": "ack INC-3", "style": "primary"},
                    {"type": "button", "text": {"type": "plain_text", "text": "Status"},
                     "action_id": "warroom-cmd-1", "value": "status INC-3"}
                  ]}
                ]
                """, SlackBlocks.render(card));
        assertEquals("*INC-3 · payments-api · SEV1 — Card payments failing* (drill)", SlackBlocks.fallbackText(card));
    }

    @Test
    void checklistWithThreeButtons() throws Exception {
        Message checklist = new Message("""
                *Mitigation steps (card-outage)* — INC-3
                1. ☐ Fail over to the standby PSP (runbook: https://wiki.example.com/rb/psp)
                2. ☐ Post on the status page
                3. ☐ Tell the PSP's account manager""", List.of(),
                List.of(new Button("Done 1", "done INC-3 1"), new Button("Done 2", "done INC-3 2"),
                        new Button("Done 3", "done INC-3 3")));

        assertJson("""
                [
                  {"type": "section", "text": {"type": "mrkdwn", "text":
                    "*Mitigation steps (card-outage)* — INC-3\\n1. ☐ Fail over to the standby PSP (runbook: https://wiki.example.com/rb/psp)\\n2. ☐ Post on the status page\\n3. ☐ Tell the PSP's account manager"}},
                  {"type": "actions", "block_id": "warroom-actions-0", "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Done 1"}, "action_id": "warroom-cmd-0", "value": "done INC-3 1"},
                    {"type": "button", "text": {"type": "plain_text", "text": "Done 2"}, "action_id": "warroom-cmd-1", "value": "done INC-3 2"},
                    {"type": "button", "text": {"type": "plain_text", "text": "Done 3"}, "action_id": "warroom-cmd-2", "value": "done INC-3 3"}
                  ]}
                ]
                """, SlackBlocks.render(checklist));
        assertEquals("*Mitigation steps (card-outage)* — INC-3", SlackBlocks.fallbackText(checklist));
        for (int i = 0; i < 3; i++) {
            assertTrue(SlackBlocks.ACTION_ID_PATTERN.matcher("warroom-cmd-" + i).matches());
        }
        assertFalse(SlackBlocks.ACTION_ID_PATTERN.matcher("warroom-cmd-").matches());
        assertFalse(SlackBlocks.ACTION_ID_PATTERN.matcher("other-warroom-cmd-1").matches());
    }

    @Test
    void escapesAmpersandAndAngleBracketsButKeepsMarks() throws Exception {
        Message message = new Message("*INC-4 · web · SEV2 — Checkout <b>& cart broken*\n_see_ `a > b`",
                List.of(new Field("Title <x>", "<b>& fails")),
                List.of(new Button("Open <b>&", "status INC-4")));

        assertJson("""
                [
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "*INC-4 · web · SEV2 — Checkout &lt;b&gt;&amp; cart broken*\\n_see_ `a &gt; b`"}},
                  {"type": "section", "fields": [
                    {"type": "mrkdwn", "text": "*Title &lt;x&gt;*\\n&lt;b&gt;&amp; fails"}
                  ]},
                  {"type": "actions", "block_id": "warroom-actions-0", "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Open <b>&"},
                     "action_id": "warroom-cmd-0", "value": "status INC-4"}
                  ]}
                ]
                """, SlackBlocks.render(message));
        assertEquals("*INC-4 · web · SEV2 — Checkout &lt;b&gt;&amp; cart broken*", SlackBlocks.fallbackText(message));
    }

    @Test
    void splitsA7000CharacterTextOnLineBoundaries() throws Exception {
        // 70 lines of 99 characters: 6999 characters with the newlines
        List<String> lines = IntStream.range(0, 70)
                .mapToObj(i -> String.format("%02d ", i) + "x".repeat(96)).toList();
        String text = String.join("\n", lines);
        assertEquals(6999, text.length());

        List<LayoutBlock> blocks = SlackBlocks.render(Message.text(text));

        ArrayNode expected = MAPPER.createArrayNode();
        for (List<String> chunk : List.of(lines.subList(0, 30), lines.subList(30, 60), lines.subList(60, 70))) {
            ObjectNode section = expected.addObject();
            section.put("type", "section");
            ObjectNode sectionText = section.putObject("text");
            sectionText.put("type", "mrkdwn");
            sectionText.put("text", String.join("\n", chunk));
        }
        assertJson(expected.toString(), blocks);
        for (JsonNode section : tree(blocks)) {
            assertTrue(section.at("/text/text").asText().length() <= 3000);
        }
        assertEquals(List.of(2999, 2999, 999), IntStream.range(0, 3)
                .mapToObj(i -> lines.subList(i * 30, Math.min(70, i * 30 + 30))).map(l -> String.join("\n", l).length())
                .toList());
    }

    @Test
    void cutsALineLongerThan3000WithoutBreakingAnEscape() throws Exception {
        String line = "x".repeat(2998) + "&" + "y".repeat(10);
        JsonNode blocks = tree(SlackBlocks.render(Message.text(line)));

        assertEquals(2, blocks.size());
        assertEquals("x".repeat(2998), blocks.get(0).at("/text/text").asText());
        assertEquals("&amp;" + "y".repeat(10), blocks.get(1).at("/text/text").asText());
    }

    @Test
    void splitsThirtyButtonsIntoActionsBlocksOf25() throws Exception {
        List<Button> buttons = IntStream.rangeClosed(1, 30)
                .mapToObj(n -> new Button("Done " + n, "done INC-9 " + n)).toList();
        List<LayoutBlock> blocks = SlackBlocks.render(new Message("*Steps* — INC-9", List.of(), buttons));

        ArrayNode expected = MAPPER.createArrayNode();
        ObjectNode section = expected.addObject();
        section.put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", "*Steps* — INC-9");
        for (int block = 0; block < 2; block++) {
            ObjectNode actions = expected.addObject();
            actions.put("type", "actions");
            actions.put("block_id", "warroom-actions-" + block);
            ArrayNode elements = actions.putArray("elements");
            for (int i = block * 25; i < Math.min(30, block * 25 + 25); i++) {
                ObjectNode button = elements.addObject();
                button.put("type", "button");
                button.putObject("text").put("type", "plain_text").put("text", "Done " + (i + 1));
                button.put("action_id", "warroom-cmd-" + i);
                button.put("value", "done INC-9 " + (i + 1));
            }
        }
        assertJson(expected.toString(), blocks);
        assertEquals(25, tree(blocks).get(1).get("elements").size());
        assertEquals(5, tree(blocks).get(2).get("elements").size());
    }

    @Test
    void tenFieldsPerSectionLongValuesAndLabelsCut() throws Exception {
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            fields.add(new Field("F" + i, i == 12 ? "v".repeat(2500) : "v" + i));
        }
        String longLabel = "L".repeat(80);
        JsonNode blocks = tree(SlackBlocks.render(new Message("", fields, List.of(new Button(longLabel, "help")))));

        assertEquals(3, blocks.size(), "no text section for an empty text");
        assertEquals(10, blocks.get(0).get("fields").size());
        assertEquals(2, blocks.get(1).get("fields").size());
        String cut = blocks.get(1).get("fields").get(1).get("text").asText();
        assertEquals(2000, cut.length());
        assertEquals("*F12*\n" + "v".repeat(1993) + "…", cut);
        String label = blocks.get(2).at("/elements/0/text/text").asText();
        assertEquals("L".repeat(74) + "…", label);
        assertEquals("F1: v1", SlackBlocks.fallbackText(new Message("", fields, List.of())));
    }

    @Test
    void fallbackTextIsTheFirstLineAtMost150Characters() {
        assertEquals("first line", SlackBlocks.fallbackText(Message.text("first line\nsecond line")));
        String fallback = SlackBlocks.fallbackText(Message.text("*" + "w".repeat(200) + "*\nmore"));
        assertEquals(150, fallback.length());
        assertEquals("*" + "w".repeat(148) + "…", fallback);
    }

    private static final List<PlanChoice> PLANS = List.of(
            new PlanChoice("payments-api", List.of("sev1", "sev2", "sev3"), List.of("card-outage", "fraud-spike")),
            new PlanChoice("identity-service", List.of("sev1", "sev2"), List.of("login-outage")));

    @Test
    void declareModal() throws Exception {
        assertJson("""
                {
                  "type": "modal",
                  "callback_id": "warroom-declare",
                  "title": {"type": "plain_text", "text": "Declare an incident", "emoji": true},
                  "submit": {"type": "plain_text", "text": "Declare", "emoji": true},
                  "close": {"type": "plain_text", "text": "Cancel", "emoji": true},
                  "blocks": [
                    {"type": "input", "block_id": "service", "optional": false,
                     "label": {"type": "plain_text", "text": "Service"},
                     "element": {"type": "static_select", "action_id": "service_select",
                       "placeholder": {"type": "plain_text", "text": "Choose a service"},
                       "options": [
                         {"text": {"type": "plain_text", "text": "payments-api"}, "value": "payments-api"},
                         {"text": {"type": "plain_text", "text": "identity-service"}, "value": "identity-service"}
                       ]}},
                    {"type": "input", "block_id": "severity", "optional": false,
                     "label": {"type": "plain_text", "text": "Severity"},
                     "element": {"type": "static_select", "action_id": "severity_select",
                       "placeholder": {"type": "plain_text", "text": "Choose a severity"},
                       "options": [
                         {"text": {"type": "plain_text", "text": "sev1"}, "value": "sev1"},
                         {"text": {"type": "plain_text", "text": "sev2"}, "value": "sev2"},
                         {"text": {"type": "plain_text", "text": "sev3"}, "value": "sev3"}
                       ]}},
                    {"type": "input", "block_id": "type", "optional": true,
                     "label": {"type": "plain_text", "text": "Incident type"},
                     "element": {"type": "static_select", "action_id": "type_select",
                       "placeholder": {"type": "plain_text", "text": "Choose an incident type"},
                       "options": [
                         {"text": {"type": "plain_text", "text": "card-outage"}, "value": "card-outage"},
                         {"text": {"type": "plain_text", "text": "fraud-spike"}, "value": "fraud-spike"},
                         {"text": {"type": "plain_text", "text": "login-outage"}, "value": "login-outage"}
                       ]}},
                    {"type": "input", "block_id": "title", "optional": false,
                     "label": {"type": "plain_text", "text": "Title"},
                     "element": {"type": "plain_text_input", "action_id": "title_input",
                       "placeholder": {"type": "plain_text", "text": "What is going wrong?"},
                       "multiline": false, "max_length": 150}}
                  ]
                }
                """, SlackBlocks.declareModal(PLANS, SlackBlocks.DECLARE_CALLBACK_ID));

        JsonNode withMetadata = tree(SlackBlocks.declareModal(PLANS, SlackBlocks.DECLARE_CALLBACK_ID, "C0INCIDENTS"));
        assertEquals("C0INCIDENTS", withMetadata.get("private_metadata").asText());
        JsonNode noTypes = tree(SlackBlocks.declareModal(List.of(new PlanChoice("web", List.of("sev1"), List.of())), "cb"));
        assertEquals(List.of("service", "severity", "title"), blockIds(noTypes));
        assertThrows(IllegalArgumentException.class, () -> SlackBlocks.declareModal(List.of(), "cb"));
    }

    private static List<String> blockIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.get("blocks").forEach(b -> ids.add(b.get("block_id").asText()));
        return ids;
    }

    /** Shaped like the view_submission example in Slack's documentation, for Warroom's modal. */
    private static String viewSubmission(String typeValue) {
        return """
                {
                  "type": "view_submission",
                  "team": {"id": "T0WARROOM", "domain": "warroom-test"},
                  "user": {"id": "U0ADA", "username": "ada", "name": "ada", "team_id": "T0WARROOM"},
                  "api_app_id": "A0WARROOM",
                  "token": "gIkuvaNzQIHg97ATvDxqgjtO",
                  "trigger_id": "1764000002.123456789.abcdef0123456789abcdef0123456789",
                  "view": {
                    "id": "V0WARROOM1",
                    "team_id": "T0WARROOM",
                    "type": "modal",
                    "blocks": [],
                    "private_metadata": "C0INCIDENTS",
                    "callback_id": "warroom-declare",
                    "state": {
                      "values": {
                        "service": {"service_select": {"type": "static_select", "selected_option": {
                          "text": {"type": "plain_text", "text": "payments-api", "emoji": true}, "value": "payments-api"}}},
                        "severity": {"severity_select": {"type": "static_select", "selected_option": {
                          "text": {"type": "plain_text", "text": "sev1", "emoji": true}, "value": "sev1"}}},
                        "type": {"type_select": {"type": "static_select", "selected_option": %s}},
                        "title": {"title_input": {"type": "plain_text_input", "value": "  Checkout <b>& fails  "}}
                      }
                    },
                    "hash": "1764000002.Ab1Cd2Ef",
                    "title": {"type": "plain_text", "text": "Declare an incident", "emoji": true},
                    "clear_on_close": false,
                    "notify_on_close": false,
                    "close": {"type": "plain_text", "text": "Cancel", "emoji": true},
                    "submit": {"type": "plain_text", "text": "Declare", "emoji": true},
                    "previous_view_id": null,
                    "root_view_id": "V0WARROOM1",
                    "app_id": "A0WARROOM",
                    "external_id": "",
                    "app_installed_team_id": "T0WARROOM",
                    "bot_id": "B0WARBOT"
                  },
                  "response_urls": [],
                  "is_enterprise_install": false,
                  "enterprise": null
                }
                """.formatted(typeValue == null ? "null"
                : "{\"text\": {\"type\": \"plain_text\", \"text\": \"" + typeValue + "\", \"emoji\": true}, \"value\": \""
                + typeValue + "\"}");
    }

    @Test
    void readsTheDeclareFormFromAViewSubmission() {
        ViewSubmissionPayload payload = GSON.fromJson(viewSubmission("card-outage"), ViewSubmissionPayload.class);

        assertEquals(SlackBlocks.DECLARE_CALLBACK_ID, payload.getView().getCallbackId());
        assertEquals(new DeclareForm("payments-api", "sev1", "card-outage", "Checkout <b>& fails"),
                SlackBlocks.readDeclareForm(payload.getView().getState()));
    }

    @Test
    void readsTheDeclareFormWithoutAnIncidentType() {
        ViewSubmissionPayload payload = GSON.fromJson(viewSubmission(null), ViewSubmissionPayload.class);

        assertEquals(new DeclareForm("payments-api", "sev1", null, "Checkout <b>& fails"),
                SlackBlocks.readDeclareForm(payload.getView().getState()));
        assertEquals(new DeclareForm(null, null, null, null), SlackBlocks.readDeclareForm(null));
    }

    @Test
    void everyIncidentMessageShapeStaysWithinSlackLimits() throws Exception {
        String longText = IntStream.range(0, 400).mapToObj(i -> i + ". ☐ step <" + i + "> & more " + "z".repeat(i % 90))
                .collect(Collectors.joining("\n"));
        List<Button> buttons = IntStream.range(0, 60).mapToObj(i -> new Button("Done " + i, "done INC-1 " + i)).toList();
        JsonNode blocks = tree(SlackBlocks.render(new Message(longText, List.of(), buttons)));

        StringBuilder rejoined = new StringBuilder();
        List<String> actionIds = new ArrayList<>();
        for (JsonNode block : blocks) {
            if (block.get("type").asText().equals("section")) {
                String text = block.at("/text/text").asText();
                assertTrue(text.length() <= 3000);
                rejoined.append(rejoined.length() > 0 ? "\n" : "").append(text);
            } else {
                assertTrue(block.get("elements").size() <= 25);
                block.get("elements").forEach(e -> actionIds.add(e.get("action_id").asText()));
            }
        }
        assertEquals(SlackBlocks.escape(longText), rejoined.toString());
        assertEquals(60, actionIds.stream().distinct().count());
    }
}
