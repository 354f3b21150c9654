package dev.warroom.web.access;

import dev.warroom.web.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * With sign-in on, the local chat's API is closed: it lets anyone post as anyone and read every channel,
 * restricted incidents' channels too. The local chat is a tool for local mode; people use Slack or Teams.
 */
public class LocalChatWhileSignedIn {

    static final String CLOSED = "The local chat is off while sign-in is on: use Slack or Teams";

    @Inject
    SignInSettings settings;

    @ServerRequestFilter
    public Optional<Response> closeLocalChat(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!settings.enabled() || !(path.equals("/api/local") || path.startsWith("/api/local/"))) {
            return Optional.empty();
        }
        return Optional.of(ApiError.response(Response.Status.FORBIDDEN, CLOSED));
    }
}
