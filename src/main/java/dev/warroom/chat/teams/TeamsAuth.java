package dev.warroom.chat.teams;

import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Checks an activity's bearer token as the Bot Framework SDK does: RS256 signature by a key from the
 * OpenID metadata's JWKS that endorses the activity's channel, issuer https://api.botframework.com,
 * audience = the bot's app id, not expired (5 minutes' skew), and the {@code serviceurl} claim equal
 * to the activity's serviceUrl.
 */
@ApplicationScoped
public class TeamsAuth {

    @Inject
    TeamsSettings settings;

    @PostConstruct
    void init() {
        ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl());
    }

    /** Null when the token is good; otherwise why the request is refused. */
    public Optional<String> problem(String authorization, String serviceUrl, String channelId) {
        if (settings.authDisabled()) {
            return Optional.empty();
        }
        if (authorization == null || authorization.isBlank()) {
            return Optional.of("missing Authorization bearer token");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of("Authorization is not a bearer token");
        }
        ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl());
        Activity activity = new Activity(ActivityTypes.MESSAGE);
        activity.setServiceUrl(serviceUrl);
        activity.setChannelId(channelId);
        try {
            ClaimsIdentity identity = JwtTokenValidation.authenticateRequest(activity, authorization,
                            new SimpleCredentialProvider(settings.appId(), settings.appPassword()),
                            new SimpleChannelProvider())
                    .get(30, TimeUnit.SECONDS);
            if (identity == null || !identity.isAuthenticated()) {
                return Optional.of("token not authenticated");
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            return Optional.of("invalid token: " + reason(e));
        }
    }

    /** The serviceurl claim of a bearer token, unverified (the caller verifies the token); "" when there is none. */
    static String claimedServiceUrl(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "";
        }
        try {
            String claim = com.auth0.jwt.JWT.decode(authorization.substring(7).strip()).getClaim("serviceurl").asString();
            return claim == null ? "" : claim;
        } catch (RuntimeException notAToken) {
            return "";
        }
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
