package dev.warroom.web.access;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-in is all or nothing: half a configuration stops the start instead of leaving the dashboard open. */
class SignInSettingsTest {

    @Test
    void noneOfTheThreeIsLocalMode() {
        SignInSettings settings = settings(null, null, null);
        settings.requireAllOrNone();
        assertThat(settings.enabled()).isFalse();
    }

    @Test
    void allThreeTurnSignInOn() {
        SignInSettings settings = settings("https://login.example.com", "warroom", "a-secret");
        settings.requireAllOrNone();
        assertThat(settings.enabled()).isTrue();
    }

    @Test
    void someButNotAllIsRefusedNamingWhatIsMissing() {
        assertThatThrownBy(() -> settings("https://login.example.com", null, null).requireAllOrNone())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Sign-in is half configured: set WARROOM_OIDC_CLIENT_ID, WARROOM_OIDC_CLIENT_SECRET too, "
                        + "or unset all WARROOM_OIDC_* variables for local mode (no sign-in)");
    }

    private static SignInSettings settings(String url, String clientId, String secret) {
        SignInSettings settings = new SignInSettings();
        settings.authServerUrl = Optional.ofNullable(url);
        settings.clientId = Optional.ofNullable(clientId);
        settings.clientSecret = Optional.ofNullable(secret);
        return settings;
    }
}
