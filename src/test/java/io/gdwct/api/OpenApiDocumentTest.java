package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code openapi.yaml} is the document the code generates ({@code /q/openapi}). To
 * regenerate it after changing the API: {@code mvn -B -o test -Dtest=OpenApiDocumentTest -DwriteOpenapi=true}.
 */
@QuarkusTest
@TestProfile(ServiceProfiles.Tiny.class)
class OpenApiDocumentTest {
    private static final Path CHECKED_IN = Path.of("openapi.yaml");

    @Test
    void checkedInDocumentMatchesTheGeneratedOne() throws Exception {
        String generated = normalise(given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString());
        if (Boolean.getBoolean("writeOpenapi")) {
            Files.writeString(CHECKED_IN, generated);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? normalise(Files.readString(CHECKED_IN)) : "";
        assertEquals(checkedIn, generated, "openapi.yaml differs from the generated document; regenerate it with: "
                + "mvn -B -o test -Dtest=OpenApiDocumentTest -DwriteOpenapi=true (then review and commit it)");
    }

    /** Line endings, trailing whitespace and trailing blank lines do not count. */
    static String normalise(String s) {
        return s.replace("\r\n", "\n").lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip() + "\n";
    }
}
