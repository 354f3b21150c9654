package dev.warroom.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.warroom.plan.Plan.ChainLink;
import dev.warroom.plan.Plan.Contact;
import dev.warroom.plan.Plan.Drills;
import dev.warroom.plan.Plan.Escalation;
import dev.warroom.plan.Plan.EscalationLevel;
import dev.warroom.plan.Plan.Forensics;
import dev.warroom.plan.Plan.IncidentType;
import dev.warroom.plan.Plan.Lessons;
import dev.warroom.plan.Plan.Location;
import dev.warroom.plan.Plan.MitigationStep;
import dev.warroom.plan.Plan.Person;
import dev.warroom.plan.Plan.Role;
import dev.warroom.plan.Plan.Severity;
import dev.warroom.plan.Plan.Stakeholder;
import dev.warroom.plan.Plan.Stakeholders;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static dev.warroom.plan.PlanNodeReader.index;
import static dev.warroom.plan.PlanNodeReader.key;

/**
 * Reads one plan manifest (see manifests/plans and plan-example.yaml) into a {@link Plan}, checking every rule of
 * the format and reporting all broken ones at once. Plain Java: no container, no database; safe to share.
 */
public final class PlanReader {

    static final List<String> PLAN_KEYS = List.of("service", "title", "scope", "incident_types", "owner", "reviewed",
            "review_every", "location", "people", "roles", "stakeholders", "communication", "severities",
            "escalation", "mitigation", "forensics", "recovery", "lessons", "drills");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads a manifest file; the error paths name it by its file name. */
    public PlanReadResult read(Path path) {
        String file = path.getFileName().toString();
        try {
            return read(file, Files.readString(path));
        } catch (CharacterCodingException e) {
            return PlanReadResult.failed(file, PlanRules.FILE, PlanRules.FILE_NOT_UTF8);
        } catch (IOException e) {
            return PlanReadResult.failed(file, PlanRules.FILE, PlanRules.cannotRead(String.valueOf(e.getMessage())));
        }
    }

    /** Reads a manifest's text; {@code file} is the name errors are reported under. */
    public PlanReadResult read(String file, String yaml) {
        Optional<PlanError> unreadable = checkSyntax(file, yaml);
        if (unreadable.isPresent()) {
            return new PlanReadResult(file, null, null, List.of(unreadable.get()));
        }
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            // checkSyntax has read the same text without trouble, so this would be a Jackson bug
            throw new IllegalStateException("YAML read twice gave different results: " + file, e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return PlanReadResult.failed(file, PlanRules.FILE, PlanRules.FILE_EMPTY);
        }
        if (!root.isObject()) {
            return PlanReadResult.failed(file, PlanRules.FILE, PlanRules.FILE_NOT_MAPPING);
        }
        return new Walk(file, (ObjectNode) root).read();
    }

    /**
     * One pass over the YAML tokens for what the tree would hide: syntax errors, duplicate keys, aliases (which
     * Jackson's tree would silently turn into the alias name) and a second document.
     */
    private static Optional<PlanError> checkSyntax(String file, String yaml) {
        try (JsonParser parser = YAML.createParser(yaml)) {
            int depth = 0;
            boolean seenDocument = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (depth == 0 && seenDocument) {
                    return Optional.of(new PlanError(file, PlanRules.FILE, PlanRules.FILE_MANY_DOCUMENTS));
                }
                seenDocument = true;
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
                    return Optional.of(new PlanError(file, pathOf(parser.getParsingContext()),
                            PlanRules.aliasNotSupported(parser.getText())));
                }
            }
            return Optional.empty();
        } catch (StreamReadException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                return Optional.of(new PlanError(file, pathOf(e.getProcessor().getParsingContext()),
                        PlanRules.DUPLICATE_KEY));
            }
            return Optional.of(new PlanError(file, PlanRules.FILE, syntaxRule(e)));
        } catch (IOException e) {
            return Optional.of(new PlanError(file, PlanRules.FILE, PlanRules.cannotRead(String.valueOf(e.getMessage()))));
        }
    }

    private static String syntaxRule(StreamReadException e) {
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String problem = yaml.getProblem().strip();
            // SnakeYAML often notices a mistake a line late; its context mark points at where it began
            if (yaml.getContext() != null && yaml.getContextMark() != null) {
                problem += " (" + yaml.getContext().strip() + " at line " + (yaml.getContextMark().getLine() + 1)
                        + ", column " + (yaml.getContextMark().getColumn() + 1) + ")";
            }
            return PlanRules.notYaml(yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1, problem);
        }
        String message = String.valueOf(e.getOriginalMessage()).strip().lines().findFirst().orElse("");
        return PlanRules.notYaml(e.getLocation().getLineNr(), e.getLocation().getColumnNr(), message);
    }

    /** The plan path of the parser's position: {@code people.bob.contacts[1]}. */
    private static String pathOf(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        String path = "";
        for (String part : parts) {
            path = part.startsWith("[") ? path + part : key(path, part);
        }
        return path.isEmpty() ? PlanRules.FILE : path;
    }

    /** One read of one manifest: walks the tree in file order, building the plan and collecting errors. */
    private static final class Walk {

        private final String file;
        private final ObjectNode root;
        private final PlanNodeReader r;
        // What names may refer to; null when that part of the plan is too broken to tell (then references to it are
        // not checked, so one mistake is not reported again at every use).
        private final Set<String> personIds;
        private final Set<String> roleIds;
        private final Set<String> severityNames;
        private final List<String> incidentTypeNames;
        private final Set<String> stakeholderNames;

        Walk(String file, ObjectNode root) {
            this.file = file;
            this.root = root;
            this.r = new PlanNodeReader(file);
            this.personIds = keysOf(root.get("people"));
            this.roleIds = keysOf(root.get("roles"));
            this.severityNames = keysOf(root.get("severities"));
            this.incidentTypeNames = incidentTypeNames(root.get("incident_types"));
            this.stakeholderNames = stakeholderNames(root.get("stakeholders"));
        }

        PlanReadResult read() {
            r.mapping(root, "", PLAN_KEYS);
            String service = r.slug(r.field(root, "", "service", true), "service");
            String title = r.text(r.field(root, "", "title", true), "title");
            String scope = r.text(r.field(root, "", "scope", true), "scope");
            List<IncidentType> incidentTypes = incidentTypes(r.field(root, "", "incident_types", true));
            String owner = reference(r.text(r.field(root, "", "owner", true), "owner"), "owner", this::personRule);
            LocalDate reviewed = r.date(r.field(root, "", "reviewed", true), "reviewed");
            Duration reviewEvery = r.duration(r.field(root, "", "review_every", true), "review_every");
            Location location = location(r.field(root, "", "location", true));
            Map<String, Person> people = people(r.field(root, "", "people", true));
            Map<String, Role> roles = roles(r.field(root, "", "roles", true));
            Stakeholders stakeholders = stakeholders(r.field(root, "", "stakeholders", false));
            List<ChainLink> chain = communicationChain(r.field(root, "", "communication", true));
            Map<String, Severity> severities = severities(r.field(root, "", "severities", true));
            Escalation escalation = escalation(r.field(root, "", "escalation", true));
            Map<String, List<MitigationStep>> mitigation = mitigation(r.field(root, "", "mitigation", true));
            Forensics forensics = forensics(r.field(root, "", "forensics", true));
            List<String> recovery = r.texts(r.field(root, "", "recovery", true), "recovery", true);
            Lessons lessons = lessons(r.field(root, "", "lessons", true));
            Drills drills = drills(r.field(root, "", "drills", false));

            List<PlanError> errors = r.errors();
            Plan plan = errors.isEmpty()
                    ? new Plan(service, title, scope, incidentTypes, owner, reviewed, reviewEvery, location, people,
                    roles, stakeholders, chain, severities, escalation, mitigation, forensics, recovery, lessons, drills)
                    : null;
            return new PlanReadResult(file, service, plan, errors);
        }

        private List<IncidentType> incidentTypes(JsonNode node) {
            List<JsonNode> items = r.list(node, "incident_types", true);
            if (items == null) {
                return null;
            }
            List<IncidentType> types = new ArrayList<>();
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                String path = index("incident_types", i);
                ObjectNode map = r.mapping(items.get(i), path, List.of("name", "restricted"));
                String name = r.slug(r.field(map, path, "name", true), key(path, "name"));
                JsonNode restrictedNode = r.field(map, path, "restricted", false);
                Boolean restricted = restrictedNode == null ? Boolean.FALSE : r.bool(restrictedNode, key(path, "restricted"));
                if (name != null) {
                    Integer first = firstIndex.putIfAbsent(name, i);
                    if (first != null) {
                        r.error(key(path, "name"), PlanRules.alreadyListed(name, index("incident_types", first)));
                    }
                }
                if (name != null && restricted != null) {
                    types.add(new IncidentType(name, restricted));
                }
            }
            return List.copyOf(types);
        }

        private Location location(JsonNode node) {
            ObjectNode map = r.mapping(node, "location", List.of("online", "offline"));
            String online = r.url(r.field(map, "location", "online", true), "location.online");
            String offline = r.text(r.field(map, "location", "offline", true), "location.offline");
            return new Location(online, offline);
        }

        private Map<String, Person> people(JsonNode node) {
            Map<String, JsonNode> entries = r.entries(node, "people", true);
            if (entries == null) {
                return null;
            }
            Map<String, Person> people = new LinkedHashMap<>();
            entries.forEach((id, value) -> {
                String path = key("people", id);
                ObjectNode map = r.mapping(value, path, List.of("name", "contacts"));
                String name = r.text(r.field(map, path, "name", true), key(path, "name"));
                List<Contact> contacts = contacts(r.field(map, path, "contacts", true), key(path, "contacts"));
                people.put(id, new Person(id, name, contacts));
            });
            return Collections.unmodifiableMap(people);
        }

        /** At least two contact methods (different kinds), each a one-key mapping such as {@code {email: a@b.c}}. */
        private List<Contact> contacts(JsonNode node, String path) {
            List<JsonNode> items = r.list(node, path, false);
            if (items == null) {
                return null;
            }
            Set<Contact.Kind> kinds = EnumSet.noneOf(Contact.Kind.class);
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = index(path, i);
                JsonNode item = items.get(i);
                if (!item.isObject() || item.isEmpty()) {
                    r.error(itemPath, PlanRules.NOT_CONTACT);
                    continue;
                }
                if (item.size() > 1) {
                    r.error(itemPath, PlanRules.manyContactsInOne(item.size()));
                    continue;
                }
                String kindName = item.properties().iterator().next().getKey();
                String valuePath = key(itemPath, kindName);
                Optional<Contact.Kind> kind = contactKind(kindName);
                if (kind.isEmpty()) {
                    r.error(valuePath, PlanRules.UNKNOWN_CONTACT);
                    continue;
                }
                kinds.add(kind.get());
                String value = r.text(item.get(kindName).isNull() ? nullAsEmpty() : item.get(kindName), valuePath);
                if (value != null && kind.get() == Contact.Kind.EMAIL && !PlanNodeReader.isEmail(value)) {
                    r.error(valuePath, PlanRules.notEmail(value));
                } else if (value != null) {
                    contacts.add(new Contact(kind.get(), value));
                }
            }
            if (kinds.size() < 2) {
                r.error(path, PlanRules.tooFewContacts(kinds.size()));
            }
            return List.copyOf(contacts);
        }

        /** The contact kind as plans write it, lower case: slack, teams, email, phone. */
        private static Optional<Contact.Kind> contactKind(String word) {
            for (Contact.Kind kind : Contact.Kind.values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(word)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        private Map<String, Role> roles(JsonNode node) {
            Map<String, JsonNode> entries = r.entries(node, "roles", true);
            if (entries == null) {
                return null;
            }
            Map<String, Role> roles = new LinkedHashMap<>();
            entries.forEach((id, value) -> {
                String path = key("roles", id);
                boolean manager = id.equals(Plan.INCIDENT_MANAGER);
                ObjectNode map = r.mapping(value, path, List.of("description", "members", "eligible"));
                String description = r.text(r.field(map, path, "description", true), key(path, "description"));
                JsonNode membersNode = r.field(map, path, "members", !manager);
                List<String> members = membersNode == null && manager
                        ? List.of()
                        : r.names(membersNode, key(path, "members"), !manager, this::personRule);
                List<String> eligible = List.of();
                if (manager) {
                    eligible = r.names(r.field(map, path, "eligible", true), key(path, "eligible"), true,
                            this::personRule);
                } else if (map != null && map.has("eligible")) {
                    r.error(key(path, "eligible"), PlanRules.ELIGIBLE_ONLY_FOR_MANAGER);
                }
                roles.put(id, new Role(id, description, members, eligible));
            });
            if (!roles.containsKey(Plan.INCIDENT_MANAGER)) {
                r.error(key("roles", Plan.INCIDENT_MANAGER), PlanRules.REQUIRED);
            }
            return Collections.unmodifiableMap(roles);
        }

        private Stakeholders stakeholders(JsonNode node) {
            if (node == null) {
                return new Stakeholders(List.of(), List.of());
            }
            ObjectNode map = r.mapping(node, "stakeholders", List.of("internal", "external"));
            Map<String, String> firstPathByName = new HashMap<>();
            List<Stakeholder> internal = stakeholderList(r.field(map, "stakeholders", "internal", false),
                    Plan.INTERNAL_STAKEHOLDERS, false, firstPathByName);
            List<Stakeholder> external = stakeholderList(r.field(map, "stakeholders", "external", false),
                    Plan.EXTERNAL_STAKEHOLDERS, true, firstPathByName);
            return new Stakeholders(internal, external);
        }

        private List<Stakeholder> stakeholderList(JsonNode node, String path, boolean external,
                                                  Map<String, String> firstPathByName) {
            if (node == null) {
                return List.of();
            }
            List<JsonNode> items = r.list(node, path, false);
            if (items == null) {
                return null;
            }
            List<Stakeholder> stakeholders = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String itemPath = index(path, i);
                ObjectNode map = r.mapping(items.get(i), itemPath, List.of("name", "contacts", "notify"));
                String name = r.text(r.field(map, itemPath, "name", true), key(itemPath, "name"));
                if (name != null) {
                    String first = firstPathByName.putIfAbsent(name, itemPath);
                    if (first != null) {
                        r.error(key(itemPath, "name"), PlanRules.alreadyListed(name, first));
                    }
                }
                List<Contact> contacts = contacts(r.field(map, itemPath, "contacts", true), key(itemPath, "contacts"));
                List<String> notify = r.names(r.field(map, itemPath, "notify", true), key(itemPath, "notify"), false,
                        this::severityRule);
                stakeholders.add(new Stakeholder(name, contacts, notify, external));
            }
            return List.copyOf(stakeholders);
        }

        private List<ChainLink> communicationChain(JsonNode node) {
            ObjectNode map = r.mapping(node, "communication", List.of("chain"));
            List<JsonNode> items = r.list(r.field(map, "communication", "chain", true), "communication.chain", true);
            if (items == null) {
                return null;
            }
            List<ChainLink> chain = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String path = index("communication.chain", i);
                ObjectNode link = r.mapping(items.get(i), path, List.of("from", "to"));
                String from = reference(r.text(r.field(link, path, "from", true), key(path, "from")), key(path, "from"),
                        this::recipientRule);
                List<String> to = r.names(r.field(link, path, "to", true), key(path, "to"), true, this::recipientRule);
                chain.add(new ChainLink(from, to));
            }
            return List.copyOf(chain);
        }

        private Map<String, Severity> severities(JsonNode node) {
            Map<String, JsonNode> entries = r.entries(node, "severities", true);
            if (entries == null) {
                return null;
            }
            Map<String, Severity> severities = new LinkedHashMap<>();
            entries.forEach((name, value) -> {
                String path = key("severities", name);
                ObjectNode map = r.mapping(value, path, List.of("ack_within", "update_every", "report_required", "targets"));
                Duration ackWithin = r.duration(r.field(map, path, "ack_within", true), key(path, "ack_within"));
                Duration updateEvery = r.duration(r.field(map, path, "update_every", true), key(path, "update_every"));
                Boolean reportRequired = r.bool(r.field(map, path, "report_required", true), key(path, "report_required"));
                if (Boolean.FALSE.equals(reportRequired) && (name.equals("medium") || name.equals("high"))) {
                    r.error(key(path, "report_required"), PlanRules.REPORT_REQUIRED);
                }
                Map<Phase, Duration> targets = targets(r.field(map, path, "targets", true), key(path, "targets"));
                severities.put(name, new Severity(name, ackWithin, updateEvery, Boolean.TRUE.equals(reportRequired),
                        targets));
            });
            return Collections.unmodifiableMap(severities);
        }

        /** How long each phase may take; only the phases before resolved have targets. */
        private Map<Phase, Duration> targets(JsonNode node, String path) {
            Map<String, JsonNode> entries = r.entries(node, path, false);
            if (entries == null) {
                return null;
            }
            Map<Phase, Duration> targets = new LinkedHashMap<>();
            entries.forEach((word, value) -> {
                Optional<Phase> phase = Phase.fromWord(word)
                        .filter(p -> p.word().equals(word) && !p.isAfter(Phase.RECOVERY));
                if (phase.isEmpty()) {
                    r.error(key(path, word), PlanRules.UNKNOWN_PHASE);
                    return;
                }
                Duration target = r.duration(value, key(path, word));
                if (target != null) {
                    targets.put(phase.get(), target);
                }
            });
            return Collections.unmodifiableMap(targets);
        }

        private Escalation escalation(JsonNode node) {
            ObjectNode map = r.mapping(node, "escalation", List.of("levels", "repeat"));
            List<JsonNode> items = r.list(r.field(map, "escalation", "levels", true), "escalation.levels", true);
            List<EscalationLevel> levels = new ArrayList<>();
            for (int i = 0; items != null && i < items.size(); i++) {
                String path = index("escalation.levels", i);
                ObjectNode level = r.mapping(items.get(i), path, List.of("name", "notify", "reason"));
                String name = r.text(r.field(level, path, "name", true), key(path, "name"));
                List<String> notify = r.names(r.field(level, path, "notify", true), key(path, "notify"), true,
                        this::recipientRule);
                String reason = r.text(r.field(level, path, "reason", true), key(path, "reason"));
                levels.add(new EscalationLevel(name, notify, reason));
            }
            JsonNode repeatNode = r.field(map, "escalation", "repeat", false);
            Integer repeat = repeatNode == null ? Integer.valueOf(0) : r.count(repeatNode, "escalation.repeat");
            return items == null || repeat == null ? null : new Escalation(List.copyOf(levels), repeat);
        }

        private Map<String, List<MitigationStep>> mitigation(JsonNode node) {
            Map<String, JsonNode> entries = r.entries(node, "mitigation", false);
            if (entries == null) {
                return null;
            }
            List<String> keys = new ArrayList<>(incidentTypeNames == null ? List.of() : incidentTypeNames);
            keys.add(Plan.DEFAULT_MITIGATION);
            Map<String, List<MitigationStep>> mitigation = new LinkedHashMap<>();
            entries.forEach((type, value) -> {
                String path = key("mitigation", type);
                if (incidentTypeNames != null && !keys.contains(type)) {
                    r.error(path, PlanRules.unknownKey(keys));
                    return;
                }
                if (value.isNull()) {
                    r.error(path, PlanRules.EMPTY);
                    return;
                }
                List<JsonNode> items = r.list(value, path, true);
                if (items == null) {
                    return;
                }
                List<MitigationStep> steps = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    steps.add(step(items.get(i), index(path, i)));
                }
                mitigation.put(type, steps.contains(null) ? null : List.copyOf(steps));
            });
            if (!entries.containsKey(Plan.DEFAULT_MITIGATION)) {
                r.error(key("mitigation", Plan.DEFAULT_MITIGATION), PlanRules.REQUIRED);
            }
            return Collections.unmodifiableMap(mitigation);
        }

        private MitigationStep step(JsonNode node, String path) {
            if (node.isTextual()) {
                String text = r.text(node, path);
                return text == null ? null : new MitigationStep(text, null);
            }
            if (!node.isObject()) {
                r.error(path, PlanRules.NOT_STEP);
                return null;
            }
            ObjectNode map = r.mapping(node, path, List.of("step", "runbook"));
            String text = r.text(r.field(map, path, "step", true), key(path, "step"));
            JsonNode runbookNode = r.field(map, path, "runbook", false);
            String runbook = runbookNode == null ? null : r.url(runbookNode, key(path, "runbook"));
            return text == null || (runbookNode != null && runbook == null) ? null : new MitigationStep(text, runbook);
        }

        private Forensics forensics(JsonNode node) {
            ObjectNode map = r.mapping(node, "forensics", List.of("invoked_by", "criteria"));
            String invokedBy = reference(r.text(r.field(map, "forensics", "invoked_by", true), "forensics.invoked_by"),
                    "forensics.invoked_by", this::roleRule);
            List<String> criteria = r.texts(r.field(map, "forensics", "criteria", true), "forensics.criteria", true);
            return new Forensics(invokedBy, criteria);
        }

        private Lessons lessons(JsonNode node) {
            ObjectNode map = r.mapping(node, "lessons", List.of("prompts", "remind_every"));
            List<String> prompts = r.texts(r.field(map, "lessons", "prompts", true), "lessons.prompts", true);
            Duration remindEvery = r.duration(r.field(map, "lessons", "remind_every", false), "lessons.remind_every");
            return new Lessons(prompts, remindEvery);
        }

        /** Optional: without it, drills tell no stakeholders. */
        private Drills drills(JsonNode node) {
            if (node == null) {
                return Drills.DEFAULT;
            }
            ObjectNode map = r.mapping(node, "drills", List.of("notify_stakeholders"));
            JsonNode notifyNode = r.field(map, "drills", "notify_stakeholders", false);
            Boolean notify = notifyNode == null ? Boolean.FALSE : r.bool(notifyNode, "drills.notify_stakeholders");
            return new Drills(Boolean.TRUE.equals(notify));
        }

        /** The name when it refers to something the plan defines; otherwise reports it and gives null. */
        private String reference(String name, String path, Function<String, String> rule) {
            String broken = name == null ? null : rule.apply(name);
            if (broken != null) {
                r.error(path, broken);
                return null;
            }
            return name;
        }

        private String personRule(String name) {
            return personIds == null || personIds.contains(name) ? null : PlanRules.notPerson(name);
        }

        private String roleRule(String name) {
            return roleIds == null || roleIds.contains(name) ? null : PlanRules.notRole(name);
        }

        private String severityRule(String name) {
            return severityNames == null || severityNames.contains(name) ? null : PlanRules.notSeverity(name);
        }

        /** Chain and escalation names: a role, a person, a stakeholder group or a stakeholder's name. */
        private String recipientRule(String name) {
            if (roleIds == null || personIds == null || stakeholderNames == null
                    || roleIds.contains(name) || personIds.contains(name) || stakeholderNames.contains(name)
                    || name.equals(Plan.INTERNAL_STAKEHOLDERS) || name.equals(Plan.EXTERNAL_STAKEHOLDERS)) {
                return null;
            }
            return PlanRules.notRecipient(name);
        }

        private static JsonNode nullAsEmpty() {
            return YAML.getNodeFactory().textNode("");
        }

        /** The ids a plan-keyed mapping defines; null when it is missing, not a mapping or empty (reported once). */
        private static Set<String> keysOf(JsonNode node) {
            return node != null && node.isObject() && !node.isEmpty()
                    ? new HashSet<>(PlanNodeReader.keyNames(node))
                    : null;
        }

        /** The incident type names, in order; null when any is missing or not a slug, as then intent is unclear. */
        private static List<String> incidentTypeNames(JsonNode node) {
            if (node == null || !node.isArray() || node.isEmpty()) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (JsonNode type : node) {
                JsonNode name = type.get("name");
                if (name == null || !name.isTextual() || !PlanNodeReader.isSlug(name.textValue().strip())) {
                    return null;
                }
                if (!names.contains(name.textValue().strip())) {
                    names.add(name.textValue().strip());
                }
            }
            return names;
        }

        private static Set<String> stakeholderNames(JsonNode node) {
            if (node == null || node.isNull()) {
                return Set.of();
            }
            if (!node.isObject()) {
                return null;
            }
            Set<String> names = new HashSet<>();
            for (String group : List.of("internal", "external")) {
                JsonNode list = node.get(group);
                if (list == null || list.isNull()) {
                    continue;
                }
                if (!list.isArray()) {
                    return null;
                }
                list.forEach(s -> {
                    JsonNode name = s.get("name");
                    if (name != null && name.isTextual()) {
                        names.add(name.textValue().strip());
                    }
                });
            }
            return names;
        }
    }
}
