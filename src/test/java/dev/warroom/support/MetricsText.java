package dev.warroom.support;

import static io.restassured.RestAssured.given;

/** Reads one sample from the Prometheus text at /q/metrics, as a scraper would. */
public final class MetricsText {

    private MetricsText() {
    }

    /** The value of the sample whose name and labels (rendered as Prometheus writes them, sorted) match; 0 if absent. */
    public static double sample(String name, String labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        String prefix = name + "{" + labels + "}";
        String prefixNoLabels = name + " ";
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix + " ") || (labels.isEmpty() && line.startsWith(prefixNoLabels))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
