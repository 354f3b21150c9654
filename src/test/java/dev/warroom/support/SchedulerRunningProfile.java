package dev.warroom.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Quartz started as in production (the other tests halt it and fire timers themselves). */
public class SchedulerRunningProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // The %test value in application.properties wins over a plain key, so both are set.
        return Map.of("quarkus.scheduler.start-mode", "forced", "%test.quarkus.scheduler.start-mode", "forced");
    }
}
