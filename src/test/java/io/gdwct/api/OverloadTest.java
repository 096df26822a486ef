package io.gdwct.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdwct.inference.Deadline;
import io.gdwct.inference.InferenceMetrics;
import io.gdwct.inference.InferencePool;
import io.gdwct.inference.ServingLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Load shedding and deadlines with 1 worker, a queue of 1 and a 1 s deadline. The worker is held by a
 * job that waits on a latch, so "busy" is a fact, not a timing guess.
 */
@QuarkusTest
@TestProfile(ServiceProfiles.Overload.class)
class OverloadTest {

    @Inject
    ServingLifecycle lifecycle;

    @Inject
    InferenceMetrics metrics;

    private final CountDownLatch release = new CountDownLatch(1);
    private CompletableFuture<Object> blocker;
    private InferencePool pool;

    @BeforeEach
    void holdTheWorker() throws Exception {
        Api.awaitStarted();
        pool = lifecycle.pool().orElseThrow();
        CountDownLatch running = new CountDownLatch(1);
        blocker = pool.submit(ctx -> {
            running.countDown();
            release.await();
            return null;
        }, Deadline.in(Duration.ofMinutes(2)));
        assertTrue(running.await(30, TimeUnit.SECONDS), "the worker never took the blocking job");
    }

    @AfterEach
    void releaseTheWorker() throws Exception {
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);
    }

    @Test
    void extraConcurrentRequestsGet503WithRetryAfterWhileTheWorkerIsBusy() throws Exception {
        CompletableFuture<Object> filler = pool.submit(ctx -> null, Deadline.in(Duration.ofMinutes(2))); // the one slot
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(post());
        }
        // all four are answered while the worker is still held: nobody waited for a slot
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertFalse(blocker.isDone());
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            HttpResponse<String> r = a.get();
            assertEquals(503, r.statusCode(), r.body());
            assertEquals(Problem.MEDIA_TYPE, r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().contains("urn:gdwct:problem:queue-full"), r.body());
            assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElse("0")) >= 1, "Retry-After");
        }
        release.countDown();
        filler.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aRequestQueuedPastItsDeadlineGets504AndIsNeverComputed() throws Exception {
        long inferencesBefore = metrics.inferenceCount();
        long droppedBefore = pool.dropped();
        HttpResponse<String> r = post().get(30, TimeUnit.SECONDS); // queued behind the held worker
        assertEquals(504, r.statusCode(), r.body());
        assertTrue(r.body().contains("urn:gdwct:problem:deadline-exceeded"), r.body());
        assertFalse(blocker.isDone(), "the 504 came while the worker was still busy");
        release.countDown();
        blocker.get(30, TimeUnit.SECONDS);
        pool.submit(ctx -> null, Deadline.in(Duration.ofMinutes(1))).get(30, TimeUnit.SECONDS); // the worker moved on
        assertEquals(inferencesBefore, metrics.inferenceCount(), "the expired job reached the model");
        assertEquals(droppedBefore + 1, pool.dropped());
    }

    private static CompletableFuture<HttpResponse<String>> post() {
        MultipartBody body = new MultipartBody()
                .file("content", "c.jpg", "image/jpeg", Api.bytes(Api.CONTENT))
                .file("exemplar", "e.jpg", "image/jpeg", Api.bytes(Api.EXEMPLAR))
                .field("maxSide", "32");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/translate"))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
