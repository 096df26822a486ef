package io.gdwct.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.gdwct.inference.Deadline;
import io.gdwct.inference.InferenceMetrics;
import io.gdwct.inference.InferencePool;
import io.gdwct.inference.ServingLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A client that hangs up while its job waits in the queue: the job is dropped at once, never computed. */
@QuarkusTest
@TestProfile(ServiceProfiles.Tiny.class)
class ClientGoneTest {

    @Inject
    ServingLifecycle lifecycle;

    @Inject
    InferenceMetrics metrics;

    @Test
    void aQueuedJobWhoseClientHungUpIsDroppedBeforeItsDeadline() throws Exception {
        Api.awaitStarted();
        InferencePool pool = lifecycle.pool().orElseThrow();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = pool.submit(ctx -> {
            running.countDown();
            release.await();
            return null;
        }, Deadline.in(Duration.ofMinutes(2)));
        try {
            assertTrue(running.await(30, TimeUnit.SECONDS));
            long inferences = metrics.inferenceCount();
            long dropped = pool.dropped();
            MultipartBody form = new MultipartBody().file("content", "c.jpg", "image/jpeg", Api.bytes(Api.CONTENT))
                    .file("exemplar", "e.jpg", "image/jpeg", Api.bytes(Api.EXEMPLAR)).field("maxSide", "32");
            byte[] body = form.bytes();
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /translate HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + form.contentType()
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                awaitUntil(() -> pool.queueDepth() == 1, "the request never reached the queue");
            } // hang up: the job's deadline (30 s) is far away, so only the cancellation can drop it
            awaitUntil(() -> pool.dropped() == dropped + 1, "the job of the departed client was not dropped");
            assertEquals(0, pool.queueDepth());
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);
            pool.submit(ctx -> null, Deadline.in(Duration.ofMinutes(1))).get(30, TimeUnit.SECONDS);
            assertEquals(inferences, metrics.inferenceCount(), "the departed client's job reached the model");
        } finally {
            release.countDown();
        }
    }

    /** Polls an observable state (not a timing guess) for up to 10 s. */
    private static void awaitUntil(BooleanSupplier condition, String message) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail(message);
            }
            Thread.sleep(10);
        }
    }
}
