package dev.warroom.chat.teams;

import dev.warroom.support.TeamsMultiTenantProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** MICROSOFT_APP_TYPE=MultiTenant: the token comes from Bot Framework's tenant, botframework.com. */
@QuarkusTest
@TestProfile(TeamsMultiTenantProfile.class)
class MultiTenantTokenTest extends AppTokenScenario {

    @Override
    String tenant() {
        return "botframework.com";
    }
}
