package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.http.Endpoint;
import tools.jackson.databind.JsonNode;

/** An init as the client sent it: two are identical when endpoint and JSON body are equal (key order aside). */
record InitRequest(Endpoint endpoint, JsonNode body) {
}
