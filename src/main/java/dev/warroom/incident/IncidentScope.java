package dev.warroom.incident;

import dev.warroom.command.Actor;
import dev.warroom.command.CommandError;
import dev.warroom.command.CommandRequest;
import dev.warroom.command.Message;
import dev.warroom.command.SourceMessage;
import dev.warroom.notify.Destination;
import dev.warroom.notify.Outbox;
import dev.warroom.notify.PlanAddressBook;
import dev.warroom.notify.Recipient;
import dev.warroom.plan.Phase;
import dev.warroom.plan.Plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One command acting on one locked incident: who asked, from where, the incident's plan, and the
 * ways to answer (reply, announce in the incident channel, tell people directly).
 */
public final class IncidentScope {

    private final Incident incident;
    private final Plan plan;
    private final CommandRequest request;
    private final Outbox outbox;
    private final Timeline timeline;
    private final Instant now;

    /** Who acts when a timer fires: Warroom itself, in the incident's channel. */
    static final String WARROOM = "warroom";

    IncidentScope(Incident incident, Plan plan, CommandRequest request, Outbox outbox, Timeline timeline, Instant now) {
        this.incident = incident;
        this.plan = plan;
        this.request = request;
        this.outbox = outbox;
        this.timeline = timeline;
        this.now = now;
    }

    /** A scope for a timer firing on the incident: Warroom acts, and answers in the incident channel. */
    static IncidentScope forTimer(Incident incident, Plan plan, Outbox outbox, Timeline timeline, Instant now) {
        return inIncidentChannel(incident, plan, Actor.stranger(WARROOM), outbox, timeline, now);
    }

    /** A scope for something outside chat acting on the incident (a timer, an alert): answers go to the incident channel. */
    static IncidentScope inIncidentChannel(Incident incident, Plan plan, Actor actor, Outbox outbox, Timeline timeline,
                                           Instant now) {
        return new IncidentScope(incident, plan, new CommandRequest("", actor, incident.platform, incident.channel, null),
                outbox, timeline, now);
    }

    public Incident incident() {
        return incident;
    }

    public Plan plan() {
        return plan;
    }

    public Actor actor() {
        return request.actor();
    }

    /** The chat message the command was typed in, or null (slash commands, buttons, timers). */
    public SourceMessage source() {
        return request.source();
    }

    public Instant now() {
        return now;
    }

    public String key() {
        return incident.key();
    }

    public Plan.Severity severity() {
        return plan.severity(incident.severity).orElseThrow();
    }

    /** A plan person's name, or the reference itself for people outside the plan. */
    public String name(String person) {
        return person == null ? "nobody" : plan.person(person).map(Plan.Person::name).orElse(person);
    }

    public String names(List<String> people) {
        return people.isEmpty() ? "nobody" : String.join(", ", people.stream().map(this::name).toList());
    }

    public String managerName() {
        return incident.manager == null ? "nobody yet" : name(incident.manager);
    }

    public void event(TimelineEvent.Type type, String details) {
        timeline.add(incident.id, actor(), type, details);
    }

    /** Answers the person where they typed the command (in its thread, if it was typed in one). */
    public void reply(Message message) {
        outbox.post(request.platform(), Destination.channel(request.channel()), request.answer(marked(message)), incident.id);
    }

    /** Posts in the incident channel. */
    public void post(Message message) {
        outbox.post(incident.platform, Destination.channel(incident.channel), marked(message), incident.id);
    }

    /** Posts in the incident channel, and also answers the person if they typed elsewhere. */
    public void announce(Message message) {
        post(message);
        if (!incident.channel.equals(request.channel()) || !incident.platform.equals(request.platform())) {
            reply(message);
        }
    }

    /** Tells a person or stakeholder directly, on the platform that reaches them (not a stakeholder in most drills). */
    public void tell(Destination destination, Message message) {
        told(destination, message);
    }

    private boolean told(Destination destination, Message message) {
        if (!reaches(destination)) {
            return false;
        }
        outbox.tell(incident.platform, destination, marked(message), incident.id);
        return true;
    }

    /** Brings the incident channel's kept messages (summary card, checklists) up to date. */
    public void refreshCards() {
        post(IncidentMessages.summaryCard(this));
        for (Step.Kind kind : Step.Kind.values()) {
            List<Step> steps = Step.of(incident).stream().filter(s -> s.kind == kind).toList();
            if (!steps.isEmpty()) {
                post(IncidentMessages.checklist(this, kind, steps));
            }
        }
    }

    /**
     * Pages a person or stakeholder by every contact method they have: chat as {@link #tell} does, and email. Every
     * escalation page and every manager assigned by a timer goes through here.
     */
    public void page(Destination destination, Message message) {
        paged(destination, message);
    }

    private boolean paged(Destination destination, Message message) {
        if (!reaches(destination)) {
            return false;
        }
        outbox.page(incident.platform, destination, marked(message), incident.id);
        return true;
    }

    /**
     * Every outbound message of a drill says so, whatever flow sends it, so nobody takes practice for a real incident.
     */
    private Message marked(Message message) {
        return incident.drill ? message.prefixed(DRILL_MARK) : message;
    }

    static final String DRILL_MARK = "[DRILL] ";

    /**
     * Stakeholders are outside the response team: a drill does not tell them unless its plan says so. Whom it did not
     * tell is kept in the timeline, so the drill's report can show it.
     */
    private boolean reaches(Destination destination) {
        if (!incident.drill || destination.kind() != Destination.Kind.STAKEHOLDER
                || plan.drills().notifyStakeholders()) {
            return true;
        }
        event(TimelineEvent.Type.DRILL_NOT_NOTIFIED, "Drill: not notified " + destination.name() + " (stakeholder)");
        return false;
    }

    /** Tells each recipient, adding why they are told; returns who was told, for the timeline. */
    public String tellAll(List<Recipient> recipients, String text) {
        return sendEach(recipients, text, null, this::told);
    }

    /**
     * Pages each recipient by every contact method they have (chat and email, see {@link #page}), adding why
     * they are paged; {@code subject} heads the email. Returns who was paged, for the timeline.
     */
    public String pageAll(List<Recipient> recipients, String text, String subject) {
        return sendEach(recipients, text, subject, this::paged);
    }

    private String sendEach(List<Recipient> recipients, String text, String subject,
                            BiPredicate<Destination, Message> send) {
        List<String> told = new ArrayList<>();
        for (Recipient recipient : recipients) {
            if (send.test(recipient.destination(),
                    Message.text(text + "\n_You are told as " + recipient.because() + "._").withSubject(subject))) {
                told.add(recipientName(recipient.destination()));
            }
        }
        return told.isEmpty() ? "nobody" : String.join(", ", told);
    }

    public String recipientName(Destination destination) {
        return destination.kind() == Destination.Kind.PERSON ? name(destination.name()) : destination.name();
    }

    /** Who holds a role in this incident; the incident manager role is held by the manager. */
    public List<String> peopleInRole(String role) {
        return RoleHolder.peopleInRole(incident, role);
    }

    public PlanAddressBook addressBook() {
        return new PlanAddressBook(plan, incident.severity, this::peopleInRole);
    }

    /** Everyone the escalation levels name directly or through a role. */
    public Set<String> escalationPeople() {
        return addressBook().escalationPeople();
    }

    public boolean actorIsManager() {
        return incident.manager != null && actor().is(incident.manager);
    }

    public void requireManager(String verb) {
        if (!actorIsManager()) {
            throw refusal(IncidentMessages.onlyManager(this, verb));
        }
    }

    /** The manager or anyone holding a role in this incident. */
    public void requireResponder(String verb) {
        if (!actorIsManager() && !(actor().isPerson() && RoleHolder.holds(incident, actor().personId()))) {
            throw refusal(IncidentMessages.onlyResponders(this, verb));
        }
    }

    /** The manager or a person of an escalation level. */
    public void requireLeader(String verb) {
        if (!actorIsManager() && !(actor().isPerson() && escalationPeople().contains(actor().personId()))) {
            throw refusal(IncidentMessages.onlyLeaders(this, verb));
        }
    }

    public void requireNotClosed() {
        if (incident.phase == Phase.CLOSED) {
            throw new CommandError(key() + " is closed.");
        }
    }

    public void requireBefore(Phase phase, String why) {
        if (!incident.phase.isAfter(phase) && incident.phase != phase) {
            return;
        }
        throw new CommandError(why);
    }

    private Refusal refusal(String message) {
        return new Refusal(incident.id, message);
    }
}
