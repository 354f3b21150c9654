package dev.warroom.web.access;

import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Signing out ends Warroom's session (its session cookie), then shows a page that needs no sign-in. The provider's
 * own session is left alone: Sign in with Slack has no way to end it, and people expect to stay signed in to Slack.
 */
@Path("/")
public class SignOutResource {

    /** Needs no sign-in, so the provider does not sign people straight back in. */
    public static final String SIGNED_OUT = "/signed-out";

    @Inject
    SignInSettings settings;
    @Inject
    Instance<OidcSession> session;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @POST
    @Path("dashboard/sign-out")
    public Uni<Response> signOut() {
        if (!settings.enabled()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Local mode: nobody is signed in.").build());
        }
        return session.get().logout().replaceWith(() -> Response.seeOther(URI.create(SIGNED_OUT)).build());
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
