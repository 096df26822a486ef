package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A model that cannot load: recorded with its reason (no server path), readiness DOWN, translations 503. */
@QuarkusTest
@TestProfile(ServiceProfiles.BrokenModel.class)
class BrokenModelTest {

    @BeforeEach
    void started() {
        Api.awaitStarted();
    }

    @Test
    void readinessIsDownWithTheReason() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'models' }.data.reason",
                        allOf(containsString("model 'default' failed"), containsString("not a valid model description"),
                                not(containsString("test-models"))));
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void listedAsFailed() {
        given().get("/models").then().statusCode(200)
                .body("[0].name", equalTo("default")).body("[0].status", equalTo("failed"))
                .body("[0].reason", allOf(containsString("model.json"), not(containsString("test-models"))));
    }

    @Test
    void translateIs503() {
        Api.assertProblem(given().multiPart("content", Api.CONTENT.toFile()).multiPart("exemplar", Api.EXEMPLAR.toFile())
                .when().post("/translate"), 503);
    }
}
