package dev.warroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Teams on, as a multi-tenant bot (no tenant of its own): its token comes from Bot Framework's tenant. */
public class TeamsMultiTenantProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("warroom.teams.app-id", TeamsStandIn.APP_ID,
                "warroom.teams.app-password", TeamsStandIn.APP_PASSWORD,
                "warroom.teams.app-type", "MultiTenant");
    }
}
