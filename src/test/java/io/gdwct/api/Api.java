package io.gdwct.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Small helpers shared by the service tests. */
final class Api {
    static final Path IMAGES = Path.of("src/test/resources/images");
    static final Path CONTENT = IMAGES.resolve("photo-storm.jpg");
    static final Path EXEMPLAR = IMAGES.resolve("painting-arcimboldo-librarian.jpg");

    private Api() {}

    /** Waits (up to 2 minutes) for model loading and warm-up to finish: the app boots before they end. */
    static void awaitStarted() {
        long end = System.nanoTime() + 120_000_000_000L;
        while (given().get("/q/health/started").statusCode() != 200) {
            if (System.nanoTime() > end) {
                fail("start-up did not finish: " + given().get("/q/health").asString());
            }
            pause(100);
        }
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts an RFC 7807 answer with this status and nothing internal in it; returns its JSON. */
    static JsonPath assertProblem(Response r, int status) {
        assertEquals(status, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), "content type " + r.contentType());
        JsonPath j = r.jsonPath();
        assertEquals(status, j.getInt("status"));
        for (String field : new String[] {"type", "title", "detail"}) {
            String v = j.getString(field);
            assertTrue(v != null && !v.isBlank(), field + " missing in " + r.asString());
        }
        String body = r.asString();
        for (String leak : new String[] {"Exception", "\tat ", "io.gdwct.", "/work/", "/tmp/", "java."}) {
            assertFalse(body.contains(leak), "problem leaks '" + leak + "': " + body);
        }
        return j;
    }

    /** Waits (up to 5 s) for the uploads folder to be empty: files are deleted as each response ends. */
    static void assertNoUploadsLeft(Path uploads) throws IOException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (true) {
            long n;
            try (Stream<Path> s = Files.exists(uploads) ? Files.list(uploads) : Stream.empty()) {
                n = s.count();
            }
            if (n == 0) {
                return;
            }
            if (System.nanoTime() > end) {
                fail(n + " upload file(s) left in " + uploads);
            }
            pause(50);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
