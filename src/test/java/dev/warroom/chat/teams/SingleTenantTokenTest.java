package dev.warroom.chat.teams;

import dev.warroom.support.TeamsProfile;
import dev.warroom.support.TeamsStandIn;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** MICROSOFT_APP_TYPE=SingleTenant: the token comes from the bot's own tenant (MICROSOFT_APP_TENANT_ID). */
@QuarkusTest
@TestProfile(TeamsProfile.class)
class SingleTenantTokenTest extends AppTokenScenario {

    @Override
    String tenant() {
        return TeamsStandIn.TENANT;
    }
}
