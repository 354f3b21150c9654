package dev.warroom.chat.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.command.Actor;
import dev.warroom.command.CommandParser;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.SourceMessage;
import dev.warroom.incident.Incident;
import dev.warroom.incident.IncidentCommandService;
import dev.warroom.incident.IncidentMessages;
import dev.warroom.incident.LessonEdits;
import dev.warroom.notify.PlatformRouter;
import dev.warroom.plan.PlanRegistry;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local web chat's JSON API: post a message (commands run), reply in a thread ({@code parent}), edit or delete
 * your own message, read a channel, follow it live.
 */
@Path("/api/local")
@Produces(MediaType.APPLICATION_JSON)
public class LocalChatResource {

    static final String START_CHANNEL = "general";
    private static final Pattern COMMAND = Pattern.compile("(?i)^/?incident(\\s.*)?$",
            Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_TEXT = 4000;
    private static final int MAX_NAME = 100;

    @Inject
    LocalChat chat;
    @Inject
    IncidentCommandService commands;
    @Inject
    PlanRegistry plans;
    @Inject
    ObjectMapper json;
    @Inject
    LessonEdits lessons;

    public record PersonView(String id, String name) {}

    @POST
    @Path("/messages")
    @Consumes(MediaType.WILDCARD)
    public Response post(String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return badRequest("body must be JSON: {\"channel\": \"...\", \"user\": \"...\", \"text\": \"...\"}");
        }
        if (node == null || !node.isObject()) {
            return badRequest("body must be a JSON object with channel, user and text");
        }
        String channel = text(node, "channel");
        String user = text(node, "user");
        String text = text(node, "text");
        String requestId = text(node, "requestId");
        JsonNode parentNode = node.get("parent");
        if (parentNode != null && !parentNode.isNull() && !parentNode.canConvertToLong()) {
            return badRequest("parent must be the id (a number) of the message to reply to");
        }
        Long parent = parentNode == null || parentNode.isNull() ? null : parentNode.asLong();
        String missing = isBlank(channel) ? "channel" : isBlank(user) ? "user" : isBlank(text) ? "text" : null;
        if (missing != null) {
            return badRequest(missing + " is required and must be a non-empty string");
        }
        if (text.length() > MAX_TEXT) {
            return badRequest("text is longer than " + MAX_TEXT + " characters");
        }
        if (channel.length() > MAX_NAME || user.length() > MAX_NAME) {
            return badRequest("channel and user must be at most " + MAX_NAME + " characters");
        }
        if (user.equalsIgnoreCase(LocalMessage.BOT)) {
            return badRequest("user `" + LocalMessage.BOT + "` is reserved for the bot");
        }
        Long thread = parent == null ? null : chat.threadOf(channel.strip(), parent).orElse(null);
        if (parent != null && thread == null) {
            return badRequest("there is no message " + parent + " in " + channel.strip() + " to reply to");
        }
        LocalMessageView posted = chat.post(channel.strip(), user.strip(), text, List.of(), null, thread);
        SourceMessage source = new SourceMessage(sourceRef(posted.id()), String.valueOf(posted.id()),
                thread == null ? null : String.valueOf(thread));
        String command = isCommand(channel.strip(), user.strip(), text) ? text
                : thread != null && chat.isKept(thread, IncidentMessages.LESSONS_KEY) ? CommandParser.lessonReply(text)
                : null;
        if (command != null) {
            commands.handle(new CommandRequest(command, actor(user.strip()), PlatformRouter.LOCAL, channel.strip(),
                    requestId == null ? null : "local:" + requestId, source));
        }
        return Response.ok(posted).build();
    }

    /** The writer changes a message's text; a lesson from it follows. Body: {@code {"user": "...", "text": "..."}}. */
    @PUT
    @Path("/messages/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response edit(@PathParam("id") long id, String body) {
        JsonNode node;
        try {
            node = json.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return badRequest("body must be JSON: {\"user\": \"...\", \"text\": \"...\"}");
        }
        String user = node == null ? null : text(node, "user");
        String text = node == null ? null : text(node, "text");
        String missing = isBlank(user) ? "user" : isBlank(text) ? "text" : null;
        if (missing != null) {
            return badRequest(missing + " is required and must be a non-empty string");
        }
        if (text.length() > MAX_TEXT) {
            return badRequest("text is longer than " + MAX_TEXT + " characters");
        }
        try {
            LocalMessageView edited = chat.edit(id, user.strip(), text);
            lessons.edited(sourceRef(id), text, actor(user.strip()), null);
            return Response.ok(edited).build();
        } catch (LocalChatMistake mistake) {
            return refused(mistake);
        }
    }

    /** The writer deletes a message ({@code ?user=...}); a lesson from it no longer counts. */
    @DELETE
    @Path("/messages/{id}")
    public Response delete(@PathParam("id") long id, @QueryParam("user") String user) {
        if (isBlank(user)) {
            return badRequest("query parameter user is required");
        }
        try {
            LocalMessageView deleted = chat.delete(id, user.strip());
            lessons.deleted(sourceRef(id), actor(user.strip()), null);
            return Response.ok(deleted).build();
        } catch (LocalChatMistake mistake) {
            return refused(mistake);
        }
    }

    /** A local message is known by its id. */
    static String sourceRef(long id) {
        return PlatformRouter.LOCAL + ":" + id;
    }

    @GET
    @Path("/messages")
    public Response messages(@QueryParam("channel") String channel, @QueryParam("after") Long after) {
        if (channel == null || channel.isBlank()) {
            return badRequest("query parameter channel is required");
        }
        return Response.ok(chat.after(channel, after == null ? 0 : after)).build();
    }

    /** Every new message in any channel, as server-sent events; the page keeps those of its channels. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LocalMessageView> stream() {
        return chat.live();
    }

    @GET
    @Path("/people")
    public List<PersonView> people() {
        return plans.people().stream().map(p -> new PersonView(p.id(), p.name())).toList();
    }

    /** The channels a user sees: the start channel, incident channels (newest first), their direct messages. */
    @GET
    @Path("/channels")
    public Response channels(@QueryParam("user") String user) {
        List<String> channels = new ArrayList<>();
        channels.add(START_CHANNEL);
        Incident.<Incident>list("order by number desc").forEach(i -> channels.add(i.channel));
        LocalMessage.channels().stream().filter(c -> !channels.contains(c)).forEach(channels::add);
        if (user != null && !user.isBlank()) {
            channels.add("@" + user.strip());
        }
        return Response.ok(channels).build();
    }

    /** In the start and incident channels a command starts with /incident; in your own direct messages, any text is one. */
    private static boolean isCommand(String channel, String user, String text) {
        return COMMAND.matcher(text.strip()).matches() || channel.equals("@" + user);
    }

    private Actor actor(String user) {
        return plans.person(user).map(p -> Actor.person(p.id(), p.name())).orElseGet(() -> Actor.stranger(user));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Response refused(LocalChatMistake mistake) {
        return Response.status(mistake.status()).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", mistake.getMessage())).build();
    }

    static Response badRequest(String reason) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", reason)).build();
    }
}
