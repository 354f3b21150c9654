package dev.warroom.web.access;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


/**
 * The page after signing out ({@link SignOut} ends the session). Signing out ends Warroom's session (its session cookie), then shows a page that needs no sign-in. The provider's
 * own session is left alone: Sign in with Slack has no way to end it, and people expect to stay signed in to Slack.
 */
@Path("/")
public class SignOutResource {

    /** Needs no sign-in, so the provider does not sign people straight back in. */
    public static final String SIGNED_OUT = "/signed-out";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
