package dev.warroom.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where people read a report: the dashboard page under Warroom's public address (WARROOM_PUBLIC_URL). */
@ApplicationScoped
public class ReportLinks {

    @ConfigProperty(name = "warroom.public-url")
    String publicUrl;

    public String page(String incidentKey) {
        return publicUrl.replaceAll("/+$", "") + "/dashboard/incidents/" + incidentKey + "/report";
    }
}
