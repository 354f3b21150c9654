package dev.warroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Teams on, as a single-tenant bot whose keys, login and Bot Connector are {@link TeamsStandIn}. */
public class TeamsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("warroom.teams.app-id", TeamsStandIn.APP_ID,
                "warroom.teams.app-password", TeamsStandIn.APP_PASSWORD,
                "warroom.teams.tenant-id", TeamsStandIn.TENANT,
                "warroom.teams.app-type", "SingleTenant");
    }
}
