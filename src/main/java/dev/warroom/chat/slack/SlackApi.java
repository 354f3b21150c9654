package dev.warroom.chat.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.warroom.notify.DeliveryDeferred;
import dev.warroom.notify.DeliveryRejected;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Slack's Web API with Warroom's token, and the translation of its failures into the outbox's
 * terms: wait as asked (429), retry later (5xx, network, transient errors), or give up.
 */
@ApplicationScoped
public class SlackApi {

    /** Errors that say "try again later" rather than "this can never work". */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    @Inject
    SlackSettings settings;

    private Slack slack;
    private MethodsClient methods;

    @PostConstruct
    void init() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        // Off: Warroom calls Slack synchronously and reads 429s itself (the outbox), so the SDK's rate-limit
        // statistics serve nothing, and they cost: before each call it resolves the token's team (auth.test until
        // it learns it), and it records every call of the last minute in a copy-on-write list that it scans and
        // prunes on every call (about a tenth of the delivery worker's CPU in bench/slack-ack).
        config.setStatsEnabled(false);
        slack = Slack.getInstance(config);
        methods = new SlackMethodsClient(slack, settings.botToken());
    }

    public Slack slack() {
        return slack;
    }

    public MethodsClient methods() {
        return methods;
    }

    /** A Web API call whose failure the outbox understands. */
    @FunctionalInterface
    public interface Call<R extends SlackApiTextResponse> {
        R call(MethodsClient methods) throws IOException, SlackApiException;
    }

    public <R extends SlackApiTextResponse> R call(String method, Call<R> call, String... toleratedErrors)
            throws DeliveryDeferred, DeliveryRejected, IOException {
        R response;
        try {
            response = call.call(methods());
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new DeliveryDeferred(retryAfter(e.getResponse().header("Retry-After")), method + ": rate limited");
            }
            throw new IOException(method + ": HTTP " + status, e);
        }
        if (!response.isOk() && !List.of(toleratedErrors).contains(response.getError())) {
            if (TRANSIENT_ERRORS.contains(response.getError())) {
                throw new IOException(method + ": " + response.getError());
            }
            throw new DeliveryRejected(method + ": " + response.getError());
        }
        return response;
    }

    static Duration retryAfter(String header) {
        try {
            return header == null ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
