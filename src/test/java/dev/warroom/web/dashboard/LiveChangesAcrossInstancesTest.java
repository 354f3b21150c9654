package dev.warroom.web.dashboard;

import dev.warroom.support.LiveStream;
import dev.warroom.support.OtherInstance;
import dev.warroom.support.ScenarioTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static dev.warroom.support.Eventually.await;
import static dev.warroom.support.LocalChatClient.say;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open dashboard pages hear every instance's committed changes: each change is announced with a NOTIFY in its own
 * transaction, and each instance listens on a connection of its own, opened again when it is lost.
 */
@QuarkusTest
class LiveChangesAcrossInstancesTest extends ScenarioTest {

    @TestHTTPResource("/dashboard/changes")
    URI changes;
    @Inject
    ChangeListener listener;

    private LiveStream page;
    private OtherInstance other;

    @BeforeEach
    void openPage() throws Exception {
        await("the instance listens for changes", listener::listening);
        other = OtherInstance.connect();
        page = LiveStream.open(changes);
    }

    @AfterEach
    void closePage() throws Exception {
        page.close();
        other.close();
    }

    @Test
    void aChangeCommittedHereReachesAnOpenPage() throws Exception {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");

        assertThat(page.next()).isEqualTo("INC-1");
    }

    @Test
    void aChangeCommittedByAnotherInstanceReachesAnOpenPage() throws Exception {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        assertThat(page.next()).isEqualTo("INC-1");

        other.retitle("INC-1", "Checkout failing in the EU only", true);

        assertThat(page.next()).isEqualTo("INC-1");
        assertThat(PageText.of(given().get("/dashboard").then().statusCode(200).extract().asString()))
                .contains("Checkout failing in the EU only");
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        say("zoe", "general", "/incident declare payments-api low Refund delays");
        assertThat(page.until("INC-2")).containsExactly("INC-1", "INC-2");

        other.retitle("INC-1", "Never committed", false);
        other.retitle("INC-2", "Refunds delayed by a day", true);

        // Notifications arrive in commit order: had the rollback sent one, it would come first.
        assertThat(page.next()).isEqualTo("INC-2");
        assertThat(incident("INC-1").getString("incident.title")).isEqualTo("Checkout failing");
    }

    @Test
    void aLostListeningConnectionIsOpenedAgainAndPagesAreToldToRefresh() throws Exception {
        List<Integer> before = other.listeners();
        assertThat(before).hasSize(1);

        other.dropListeners();

        assertThat(page.next()).isEqualTo(LiveChanges.REFRESH);
        List<Integer> after = other.listeners();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        assertThat(page.next()).isEqualTo("INC-1");
    }

    @Test
    void aNoticeOfAnotherFormOrForNoKnownIncidentIsIgnored() throws Exception {
        say("zoe", "general", "/incident declare payments-api high Checkout failing");
        assertThat(page.next()).isEqualTo("INC-1");

        other.notify("not json");
        other.notify("{\"incident\": \"DROP TABLE\"}");
        other.notify("{\"incident\": \"INC-99\"}");
        other.retitle("INC-1", "Checkout failing in the EU only", true);

        assertThat(page.next()).isEqualTo("INC-1");
    }
}
