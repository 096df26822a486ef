package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.RgbImage;
import io.gdwct.inference.ModelRunner;
import io.gdwct.model.Direction;
import io.gdwct.model.GdwctModel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 2: the service translates like the CLI does, and lists its model. */
@QuarkusTest
@TestProfile(ServiceProfiles.Tiny.class)
class TranslateResourceTest {

    @BeforeEach
    void started() {
        Api.awaitStarted();
    }

    @Test
    void translatesTwoRealImagesToTheSamePixelsAsTheCliPath() throws Exception {
        Response r = given().multiPart("content", Api.CONTENT.toFile(), "image/jpeg")
                .multiPart("exemplar", Api.EXEMPLAR.toFile(), "image/jpeg")
                .multiPart("maxSide", "256")
                .when().post("/translate");
        r.then().statusCode(200).contentType("image/png")
                .header("X-Model", "default").header("X-Direction", "a2b");
        RgbImage served = new ImageDecoder(40_000_000).decode(r.asByteArray());

        // what `gdwct translate --max-side 256` computes for the same inputs
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        RgbImage content = decoder.read(Api.CONTENT);
        RgbImage exemplar = decoder.read(Api.EXEMPLAR);
        RgbImage expected;
        try (GdwctModel model = GdwctModel.load(TestModels.tinyModels().resolve("default"), Device.cpu());
                ModelRunner runner = new ModelRunner("default", model)) {
            expected = runner.translateOnce(Sizing.prepare(content, exemplar, Direction.A2B, 256, Strength.FULL));
        }
        assertEquals(expected.width() + "x" + expected.height(), r.header("X-Output-Size"));
        assertEquals(256, Math.max(served.width(), served.height()));
        assertEquals(expected.width(), served.width());
        assertEquals(expected.height(), served.height());
        assertArrayEquals(expected.rgb(), served.rgb(), "served pixels differ from the CLI path's");
    }

    @Test
    void answersTheRequestedFormatAndDirection() {
        given().multiPart("content", Api.CONTENT.toFile(), "image/jpeg")
                .multiPart("exemplar", Api.EXEMPLAR.toFile(), "image/jpeg")
                .multiPart("format", "jpeg").multiPart("quality", "70").multiPart("direction", "b2a")
                .multiPart("maxSide", "64").multiPart("strength", "0.5")
                .when().post("/translate")
                .then().statusCode(200).contentType("image/jpeg").header("X-Direction", "b2a")
                .header("X-Output-Size", "64x44");
        given().multiPart("content", Api.CONTENT.toFile()).multiPart("exemplar", Api.EXEMPLAR.toFile())
                .multiPart("format", "webp").multiPart("maxSide", "32")
                .when().post("/translate")
                .then().statusCode(200).contentType("image/webp");
    }

    @Test
    void listsTheModel() {
        given().when().get("/models").then().statusCode(200).contentType("application/json")
                .body("$", hasSize(1))
                .body("[0].name", equalTo("default"))
                .body("[0].default", equalTo(true))
                .body("[0].status", equalTo("loaded"))
                .body("[0].domains.a", equalTo("photo"))
                .body("[0].config.convDim", equalTo(4))
                .body("[0].provenance.dataA.folder", equalTo("photos")); // absolute path cut to its name
    }

    @Test
    void unknownModelIs404() {
        Api.assertProblem(given().multiPart("content", Api.CONTENT.toFile()).multiPart("exemplar", Api.EXEMPLAR.toFile())
                .multiPart("model", "nope").when().post("/translate"), 404);
    }
}
