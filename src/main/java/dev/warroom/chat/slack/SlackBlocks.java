package dev.warroom.chat.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import dev.warroom.command.Button;
import dev.warroom.command.CommandParser;
import dev.warroom.command.Field;
import dev.warroom.command.Mention;
import dev.warroom.command.Message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Renders the core's neutral {@link Message} as Slack Block Kit, builds the declare modal and reads its
 * submission. The only place that knows Block Kit: the incident core never names it.
 *
 * <p>Slack's limits are applied here so that a message never gets rejected by {@code chat.postMessage}:
 * 3000 characters per section text (split on line boundaries), 10 fields per section and 2000 characters per
 * field (cut with "…"), 25 elements per actions block, 75 characters per button label. Text and field values
 * are escaped ({@code & < >}) because Slack reads them as mrkdwn, where {@code <…>} is a link or a mention;
 * the core's marks {@code *bold*}, {@code _italic_} and {@code `code`} mean the same in mrkdwn and are kept.
 */
public final class SlackBlocks {

    /** Prefix of every button's action id; the n-th button of a message (from 0) is {@code warroom-cmd-n}. */
    public static final String ACTION_ID_PREFIX = "warroom-cmd-";
    /** Matches every button action id of a rendered message: register it with Bolt's {@code app.blockAction}. */
    public static final Pattern ACTION_ID_PATTERN = Pattern.compile("^warroom-cmd-\\d+$");
    /** Block id of the n-th actions block (from 0) of a rendered message: {@code warroom-actions-n}. */
    public static final String ACTIONS_BLOCK_ID_PREFIX = "warroom-actions-";
    /** The label of the button drawn as Slack's "primary" (green) button. */
    public static final String PRIMARY_LABEL = "Acknowledge";

    /** The declare modal's {@code callback_id}, for Bolt's {@code app.viewSubmission}. */
    public static final String DECLARE_CALLBACK_ID = "warroom-declare";
    /** The skip-reason modal's callback id, its one block and action. */
    public static final String SKIP_CALLBACK_ID = "warroom-skip";
    public static final String REASON_BLOCK = "reason";
    public static final String REASON_ACTION = "reason_input";
    /** Block ids of the declare modal: also the keys of a {@code response_action: errors} answer. */
    public static final String SERVICE_BLOCK = "service";
    public static final String SEVERITY_BLOCK = "severity";
    public static final String TYPE_BLOCK = "type";
    public static final String TITLE_BLOCK = "title";
    /** Action ids of the declare modal's inputs. */
    public static final String SERVICE_ACTION = "service_select";
    public static final String SEVERITY_ACTION = "severity_select";
    public static final String TYPE_ACTION = "type_select";
    public static final String TITLE_ACTION = "title_input";
    /** Longest incident title the modal accepts. */
    public static final int TITLE_MAX_LENGTH = CommandParser.MAX_TITLE;

    static final int SECTION_TEXT_LIMIT = 3000;
    static final int FIELD_TEXT_LIMIT = 2000;
    static final int FIELDS_PER_SECTION = 10;
    static final int ELEMENTS_PER_ACTIONS = 25;
    static final int BUTTON_LABEL_LIMIT = 75;
    static final int OPTION_TEXT_LIMIT = 75;
    static final int OPTIONS_PER_SELECT = 100;
    static final int FALLBACK_LIMIT = 150;
    private static final String ELLIPSIS = "…";

    private SlackBlocks() {
    }

    /** The choices one plan offers in the declare modal. */
    public record PlanChoice(String service, List<String> severities, List<String> incidentTypes) {
        public PlanChoice {
            severities = List.copyOf(severities);
            incidentTypes = List.copyOf(incidentTypes);
        }
    }

    /** What a person filled in the declare modal. {@code incidentType} is null when none was chosen. */
    public record DeclareForm(String service, String severity, String incidentType, String title) {}

    // messages

    /** The message as Block Kit blocks, its mentions left as plan ids. */
    public static List<LayoutBlock> render(Message message) {
        return render(message, person -> "@" + person);
    }

    /**
     * The message as Block Kit blocks: text sections, then field sections, then actions blocks. Mentions
     * ({@link Mention}) become what {@code mention} makes of a plan person (e.g. {@code <@U123>}), after escaping.
     */
    public static List<LayoutBlock> render(Message message, Function<String, String> mention) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (String chunk : splitLines(escape(message.text() == null ? "" : message.text(), mention), SECTION_TEXT_LIMIT)) {
            blocks.add(SectionBlock.builder().text(markdown(chunk)).build());
        }
        List<Field> fields = message.fields();
        for (int from = 0; from < fields.size(); from += FIELDS_PER_SECTION) {
            List<TextObject> texts = new ArrayList<>();
            for (Field field : fields.subList(from, Math.min(fields.size(), from + FIELDS_PER_SECTION))) {
                texts.add(markdown(cut("*" + escape(field.label()) + "*\n" + escape(field.value(), mention), FIELD_TEXT_LIMIT)));
            }
            blocks.add(SectionBlock.builder().fields(texts).build());
        }
        List<Button> buttons = message.buttons();
        for (int from = 0; from < buttons.size(); from += ELEMENTS_PER_ACTIONS) {
            List<BlockElement> elements = new ArrayList<>();
            for (int i = from; i < Math.min(buttons.size(), from + ELEMENTS_PER_ACTIONS); i++) {
                Button button = buttons.get(i);
                elements.add(ButtonElement.builder()
                        .text(PlainTextObject.builder().text(cut(button.label(), BUTTON_LABEL_LIMIT)).build())
                        .actionId(ACTION_ID_PREFIX + i)
                        .value(button.command())
                        .style(PRIMARY_LABEL.equals(button.label()) ? "primary" : null)
                        .build());
            }
            blocks.add(ActionsBlock.builder().blockId(ACTIONS_BLOCK_ID_PREFIX + from / ELEMENTS_PER_ACTIONS)
                    .elements(elements).build());
        }
        return blocks;
    }

    /**
     * The top-level {@code text} sent beside the blocks (notifications, screen readers): the message's first
     * non-blank line, marks kept, escaped, at most 150 characters. Falls back to the first field when there is
     * no text.
     */
    public static String fallbackText(Message message) {
        return fallbackText(message, person -> "@" + person);
    }

    public static String fallbackText(Message message, Function<String, String> mention) {
        String source = message.text() == null || message.text().isBlank() ? message.plainText() : message.text();
        String first = source.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
        return cut(escape(first, mention), FALLBACK_LIMIT);
    }

    /** Escaped, then with its mentions rendered: a mention's {@code <@U123>} must reach Slack unescaped. */
    private static String escape(String text, Function<String, String> mention) {
        return Mention.render(escape(text), mention);
    }

    /** Slack's escaping for mrkdwn text: {@code &}, {@code <} and {@code >} only. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Splits text into chunks of at most {@code limit} characters, on line boundaries; a single longer line is
     * cut where it does not break an escape ({@code &amp;}) or a surrogate pair. Blank chunks are dropped.
     */
    static List<String> splitLines(String text, int limit) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (String piece : hardSplit(line, limit)) {
                if (current.length() > 0 && current.length() + 1 + piece.length() > limit) {
                    addChunk(chunks, current.toString());
                    current.setLength(0);
                } else if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(piece);
            }
        }
        addChunk(chunks, current.toString());
        return chunks;
    }

    private static void addChunk(List<String> chunks, String chunk) {
        if (!chunk.isBlank()) {
            chunks.add(chunk);
        }
    }

    private static List<String> hardSplit(String line, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = line;
        while (rest.length() > limit) {
            int at = safeCut(rest, limit);
            pieces.add(rest.substring(0, at));
            rest = rest.substring(at);
        }
        pieces.add(rest);
        return pieces;
    }

    /** At most {@code limit} characters; a longer text is cut safely and ends with "…". */
    static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        return text.substring(0, safeCut(text, limit - ELLIPSIS.length())) + ELLIPSIS;
    }

    /** The largest index ≤ {@code at} that splits neither a surrogate pair nor one of our escapes. */
    private static int safeCut(String text, int at) {
        int cut = at;
        for (int back = 1; back <= 4 && cut - back >= 0; back++) {
            if (text.charAt(cut - back) == '&') {
                int semicolon = text.indexOf(';', cut - back);
                if (semicolon >= cut && semicolon - (cut - back) <= 4) {
                    cut -= back;
                }
                break;
            }
        }
        if (cut > 0 && cut < text.length() && Character.isHighSurrogate(text.charAt(cut - 1))
                && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        return cut > 0 ? cut : at;
    }

    private static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }

    // the declare modal

    /** The declare modal for {@code views.open}. */
    public static View declareModal(List<PlanChoice> plans, String callbackId) {
        return declareModal(plans, callbackId, null);
    }

    /**
     * The declare modal for {@code views.open}: service, severity, optional incident type, title.
     *
     * @param privateMetadata carried back untouched in the submission (e.g. the channel the command came
     *                        from; at most 3000 characters), or null
     * @throws IllegalArgumentException without plans: Slack rejects a select with no options
     */
    public static View declareModal(List<PlanChoice> plans, String callbackId, String privateMetadata) {
        Set<String> services = new LinkedHashSet<>();
        Set<String> severities = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        for (PlanChoice plan : plans) {
            services.add(plan.service());
            severities.addAll(plan.severities());
            types.addAll(plan.incidentTypes());
        }
        if (services.isEmpty() || severities.isEmpty()) {
            throw new IllegalArgumentException("No plan to declare an incident with");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(SERVICE_BLOCK, "Service", select(SERVICE_ACTION, "Choose a service", services), false));
        blocks.add(input(SEVERITY_BLOCK, "Severity", select(SEVERITY_ACTION, "Choose a severity", severities), false));
        if (!types.isEmpty()) {
            blocks.add(input(TYPE_BLOCK, "Incident type", select(TYPE_ACTION, "Choose an incident type", types), true));
        }
        blocks.add(input(TITLE_BLOCK, "Title", PlainTextInputElement.builder().actionId(TITLE_ACTION)
                .placeholder(plain("What is going wrong?")).maxLength(TITLE_MAX_LENGTH).build(), false));
        return View.builder()
                .type("modal")
                .callbackId(callbackId)
                .title(ViewTitle.builder().type("plain_text").text("Declare an incident").emoji(true).build())
                .submit(ViewSubmit.builder().type("plain_text").text("Declare").emoji(true).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").emoji(true).build())
                .privateMetadata(privateMetadata)
                .blocks(blocks)
                .build();
    }

    private static InputBlock input(String blockId, String label, BlockElement element, boolean optional) {
        return InputBlock.builder().blockId(blockId).label(plain(label)).element(element).optional(optional).build();
    }

    /** A static select; Slack allows 100 options, so more are left out (a plan directory that large needs search). */
    private static StaticSelectElement select(String actionId, String placeholder, Set<String> values) {
        List<OptionObject> options = new ArrayList<>();
        for (String value : values) {
            if (options.size() == OPTIONS_PER_SELECT) {
                break;
            }
            options.add(OptionObject.builder().text(plain(cut(value, OPTION_TEXT_LIMIT))).value(value).build());
        }
        return StaticSelectElement.builder().actionId(actionId).placeholder(plain(placeholder)).options(options).build();
    }

    /**
     * Reads the declare modal's answers from a {@code view_submission}'s {@code view.state}. Missing answers
     * are null (Slack enforces the required ones); the title is stripped, null when blank.
     */
    /**
     * The modal behind a "Skip" button: skipping a step needs a reason. The command and the channel
     * it came from travel in the view's private metadata, one per line.
     */
    public static View skipReasonModal(String skipCommand, String channel) {
        return View.builder()
                .type("modal")
                .callbackId(SKIP_CALLBACK_ID)
                .title(ViewTitle.builder().type("plain_text").text("Skip a step").emoji(true).build())
                .submit(ViewSubmit.builder().type("plain_text").text("Skip").emoji(true).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").emoji(true).build())
                .privateMetadata(skipCommand + "\n" + channel)
                .blocks(List.of(input(REASON_BLOCK, "Why is this step skipped?", PlainTextInputElement.builder()
                        .actionId(REASON_ACTION).placeholder(plain("e.g. failover is automatic")).maxLength(500).build(),
                        false)))
                .build();
    }

    /** The reason typed in the skip modal, or null when none was. */
    public static String readSkipReason(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null
                ? Map.of() : state.getValues();
        String reason = value(values, REASON_BLOCK, REASON_ACTION);
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    public static DeclareForm readDeclareForm(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state == null || state.getValues() == null
                ? Map.of() : state.getValues();
        String title = value(values, TITLE_BLOCK, TITLE_ACTION);
        title = title == null || title.isBlank() ? null : title.strip();
        return new DeclareForm(value(values, SERVICE_BLOCK, SERVICE_ACTION), value(values, SEVERITY_BLOCK, SEVERITY_ACTION),
                value(values, TYPE_BLOCK, TYPE_ACTION), title);
    }

    private static String value(Map<String, Map<String, ViewState.Value>> values, String blockId, String actionId) {
        Map<String, ViewState.Value> block = values.get(blockId);
        if (block == null) {
            return null;
        }
        ViewState.Value value = block.get(actionId);
        if (value == null) {
            return null;
        }
        if (value.getSelectedOption() != null) {
            return value.getSelectedOption().getValue();
        }
        return value.getValue();
    }
}
