package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.api.BadInputs.Case;
import io.gdwct.api.BadInputs.Part;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;

/** The malformed forms and requests of the bad-input suite: everything wrong except the image bytes. */
final class BadForms {
    private BadForms() {}

    static List<Case> cases(BadInputs in) {
        List<Case> cases = new ArrayList<>();
        Part content = Part.file("content", "c.jpg", "image/jpeg", in.jpeg);
        Part exemplar = Part.file("exemplar", "e.jpg", "image/jpeg", in.exemplar);
        cases.add(new Case("no content part", List.of(exemplar)));
        cases.add(new Case("no exemplar part", List.of(content)));
        cases.add(new Case("no file part at all", List.of(Part.text("model", "default"))));
        cases.add(new Case("content as a text field", List.of(Part.text("content", "hello"), exemplar)));
        cases.add(new Case("exemplar as a text field", List.of(content, Part.text("exemplar", "hello"))));
        cases.add(new Case("content sent twice", List.of(content, content, exemplar)));
        for (String field : new String[] {"foo", "Content", "max_side", "maxside", "style", "x".repeat(100), "content "}) {
            cases.add(in.withFields("unknown field " + field, Part.text(field, "1")));
        }
        cases.add(in.withFields("unknown file part", Part.file("extra", "x.jpg", "image/jpeg", in.jpeg)));
        cases.add(in.withFields("maxSide twice", Part.text("maxSide", "64"), Part.text("maxSide", "64")));
        String[][] bad = {
            {"maxSide", ""}, {"maxSide", "abc"}, {"maxSide", "0"}, {"maxSide", "15"}, {"maxSide", "1025"},
            {"maxSide", "-1"}, {"maxSide", "1e3"}, {"maxSide", "512.5"}, {"maxSide", "99999999999"}, {"maxSide", " "},
            {"strength", "2"}, {"strength", "-0.1"}, {"strength", "NaN"}, {"strength", "Infinity"}, {"strength", "x"},
            {"strength", ""}, {"strength", "1.0001"},
            {"direction", "c2d"}, {"direction", ""}, {"direction", "a2bb"}, {"direction", "ab"},
            {"format", "gif"}, {"format", "bmp"}, {"format", ""}, {"format", "png2"}, {"format", "tiff"},
            {"quality", "0"}, {"quality", "101"}, {"quality", "q"}, {"quality", "-5"}, {"quality", ""}, {"quality", "50.5"},
            {"model", "../etc"}, {"model", ""}, {"model", "a b"}, {"model", "x".repeat(65)}, {"model", "nope"},
            {"model", "default/../x"}, {"model", "\u0000"}};
        for (String[] b : bad) {
            cases.add(in.withFields(b[0] + "='" + b[1] + "'", Part.text(b[0], b[1])));
        }
        return cases;
    }

    /** Requests that are not a well-formed multipart POST at all. */
    static List<DynamicTest> rawRequests() {
        List<DynamicTest> t = new ArrayList<>();
        t.add(raw("json body", () -> given().contentType("application/json").body("{\"content\":1}").post("/translate")));
        t.add(raw("text body", () -> given().contentType("text/plain").body("hello").post("/translate")));
        t.add(raw("urlencoded form", () -> given().contentType("application/x-www-form-urlencoded")
                .formParam("content", "x").post("/translate")));
        t.add(raw("octet-stream jpeg", () -> given().contentType("application/octet-stream")
                .body(Api.bytes(Api.CONTENT)).post("/translate")));
        t.add(raw("multipart without boundary", () -> given().header("Content-Type", "multipart/form-data")
                .body(BadInputs.ascii("--x\r\n\r\n")).post("/translate")));
        t.add(raw("multipart garbage body", () -> given().header("Content-Type", "multipart/form-data; boundary=XYZ")
                .body(BadInputs.ascii("this is not multipart at all")).post("/translate")));
        t.add(raw("multipart cut mid-part", () -> given().header("Content-Type", "multipart/form-data; boundary=XYZ")
                .body(BadInputs.ascii("--XYZ\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.jpg\"\r\n\r\n\u00ff\u00d8"))
                .post("/translate")));
        t.add(raw("no body", () -> given().post("/translate")));
        t.add(raw("GET /translate", () -> given().get("/translate")));
        t.add(raw("PUT /translate", () -> given().body("x").put("/translate")));
        t.add(raw("DELETE /translate", () -> given().delete("/translate")));
        t.add(raw("POST /models", () -> given().post("/models")));
        t.add(raw("GET /translate/extra", () -> given().get("/translate/extra")));
        t.add(raw("GET /nothing-here", () -> given().get("/nothing-here")));
        return t;
    }

    private static DynamicTest raw(String name, Supplier<Response> request) {
        return DynamicTest.dynamicTest(name, () -> {
            Response r = request.get();
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, name + ": " + r.statusCode() + " " + r.asString());
            Api.assertProblem(r, r.statusCode());
        });
    }
}
