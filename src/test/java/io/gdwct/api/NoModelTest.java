package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An empty models folder: the service starts, says there is no model, and refuses translations with 503. */
@QuarkusTest
@TestProfile(ServiceProfiles.NoModels.class)
class NoModelTest {

    @BeforeEach
    void started() {
        Api.awaitStarted();
    }

    @Test
    void translateIs503NoModelLoaded() {
        var problem = Api.assertProblem(given().multiPart("content", Api.CONTENT.toFile())
                .multiPart("exemplar", Api.EXEMPLAR.toFile()).when().post("/translate"), 503);
        org.junit.jupiter.api.Assertions.assertEquals("no model loaded", problem.getString("detail"));
    }

    @Test
    void liveAndStartedButNotReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'models' }.data.reason", containsString("no model"));
    }

    @Test
    void listsNoModels() {
        given().get("/models").then().statusCode(200).body("$", hasSize(0));
    }
}
