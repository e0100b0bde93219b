package dev.tiktokcalendar.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TikTokSimulatorExtension.class)
class SimulatorExtensionTest {

    @Test
    void injectsARunningDemoSimulatorOnAFreeLoopbackPort(TikTokSimulator sim) throws Exception {
        assertThat(sim.baseUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        String token = sim.issueTokens(sim.world().creators().get(0).username()).accessToken();

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.baseUrl() + "/v2/user/info/?fields=display_name"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(sim.world().creators().get(0).nickname());
    }

    @Test
    void oneSimulatorServesTheWholeClass(TikTokSimulator sim) {
        assertThat(sim.port()).isPositive();
    }
}
