package dev.warroom.web.access;

import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code POST /dashboard/sign-out}: ends Warroom's session and sends the browser to {@link SignOutResource#SIGNED_OUT}.
 * A class of its own with the full path: JAX-RS picks the root class by its path first, so under a class at
 * {@code /} the dashboard's {@code /dashboard} class would win and answer 404.
 */
@Path("/dashboard/sign-out")
public class SignOut {

    @Inject
    SignInSettings settings;
    @Inject
    Instance<OidcSession> session;

    @POST
    public Uni<Response> signOut() {
        if (!settings.enabled()) {
            return Uni.createFrom().item(Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Local mode: nobody is signed in.").build());
        }
        return session.get().logout().replaceWith(() -> Response.seeOther(URI.create(SignOutResource.SIGNED_OUT)).build());
    }

}
