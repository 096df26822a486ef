package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Readiness after warm-up, and the metric names once a request went through. */
@QuarkusTest
@TestProfile(ServiceProfiles.Tiny.class)
class HealthAndMetricsTest {

    @BeforeEach
    void started() {
        Api.awaitStarted();
    }

    @Test
    void readyLiveAndStartedAfterWarmUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'models' }.data.phase", equalTo("ready"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedAfterARequest() {
        given().multiPart("content", Api.CONTENT.toFile()).multiPart("exemplar", Api.EXEMPLAR.toFile())
                .multiPart("maxSide", "32").post("/translate").then().statusCode(200);
        given().multiPart("content", Api.CONTENT.toFile()).post("/translate").then().statusCode(400);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : new String[] {
            "gdwct_requests_total{endpoint=\"translate\",status=\"200\"}",
            "gdwct_requests_total{endpoint=\"translate\",status=\"400\"}",
            "gdwct_rejected_total{reason=\"invalid\"}",
            "gdwct_queue_wait_seconds_bucket", "gdwct_decode_seconds_bucket", "gdwct_inference_seconds_bucket",
            "gdwct_encode_seconds_bucket", "gdwct_inflight", "gdwct_queue_depth"}) {
            org.hamcrest.MatcherAssert.assertThat(metrics, containsString(name));
        }
    }
}
