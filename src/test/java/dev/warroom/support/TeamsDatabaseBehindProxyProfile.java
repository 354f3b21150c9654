package dev.warroom.support;

import java.util.Map;

/** Teams on, as in {@link TeamsProfile}, and the database behind a {@link CuttableProxy} a test can cut. */
public class TeamsDatabaseBehindProxyProfile extends DatabaseBehindProxyProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return new TeamsProfile().getConfigOverrides();
    }
}
