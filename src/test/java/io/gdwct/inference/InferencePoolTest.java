package io.gdwct.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool as plain Java: admission, deadlines, cancellation, shutdown. Latches, never sleeps. */
class InferencePoolTest {
    private static final Deadline LONG = Deadline.in(Duration.ofMinutes(5));

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger computed = new AtomicInteger();
    private InferencePool pool;

    private InferencePool pool(int workers, int queue) {
        pool = new InferencePool("test", workers, queue, WorkerResources::none, InferencePool.Observer.NONE);
        return pool;
    }

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        pool.shutdown();
        pool.awaitTermination(Duration.ofSeconds(10));
    }

    /** Occupies one worker until {@link #release}; returns once the worker runs it. */
    private CompletableFuture<String> holdAWorker() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> f = pool.submit(ctx -> {
            running.countDown();
            release.await();
            return "held";
        }, LONG);
        assertTrue(running.await(10, TimeUnit.SECONDS));
        return f;
    }

    private InferenceJob<Integer> counted() {
        return ctx -> computed.incrementAndGet();
    }

    private static Throwable failure(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("the future succeeded");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the future never completed");
        }
    }

    @Test
    void aFullQueueRefusesAtOnceWithoutBlocking() throws Exception {
        pool(1, 1);
        holdAWorker();
        CompletableFuture<Integer> queued = pool.submit(counted(), LONG);
        CompletableFuture<Integer> refused = pool.submit(counted(), LONG);
        assertTrue(refused.isDone(), "submit must not wait for a slot");
        QueueFullException e = assertInstanceOf(QueueFullException.class, failure(refused));
        assertTrue(e.retryAfterSeconds() >= 1);
        assertEquals(2, pool.inflight());
        assertEquals(1, pool.queueDepth());
        release.countDown();
        assertEquals(1, queued.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aJobWhoseDeadlinePassesWhileQueuedFailsAndIsNeverRun() throws Exception {
        pool(1, 4);
        CompletableFuture<String> held = holdAWorker();
        CompletableFuture<Integer> late = pool.submit(counted(), Deadline.in(Duration.ofMillis(50)));
        assertInstanceOf(DeadlineExceededException.class, failure(late)); // fails at its deadline, worker still held
        assertFalse(held.isDone());
        assertEquals(0, pool.queueDepth(), "the expired job must free its slot at once");
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        assertEquals(1, pool.submit(ctx -> 1, LONG).get(10, TimeUnit.SECONDS)); // the worker is past that point
        assertEquals(0, computed.get());
        assertEquals(1, pool.dropped());
    }

    @Test
    void aJobCancelledWhileQueuedIsNeverRun() throws Exception {
        pool(1, 4);
        CompletableFuture<String> held = holdAWorker();
        CompletableFuture<Integer> gone = pool.submit(counted(), LONG);
        assertTrue(gone.cancel(false)); // the client went away
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        pool.submit(ctx -> 1, LONG).get(10, TimeUnit.SECONDS);
        assertEquals(0, computed.get());
        assertEquals(1, pool.dropped());
    }

    @Test
    void shutdownRefusesNewJobsAndFinishesQueuedOnes() throws Exception {
        pool(1, 4);
        CompletableFuture<String> held = holdAWorker();
        List<CompletableFuture<Integer>> queued = List.of(pool.submit(counted(), LONG), pool.submit(counted(), LONG));
        pool.shutdown();
        assertInstanceOf(ShuttingDownException.class, failure(pool.submit(counted(), LONG)));
        release.countDown();
        assertTrue(pool.awaitTermination(Duration.ofSeconds(10)));
        assertEquals("held", held.get());
        for (CompletableFuture<Integer> f : queued) {
            assertTrue(f.isDone() && !f.isCompletedExceptionally());
        }
        assertEquals(2, computed.get());
        assertEquals(0, pool.workersAlive());
    }

    @Test
    void jobsStillQueuedWhenTheShutdownTimeoutEndsAreRefused() throws Exception {
        pool(1, 4);
        holdAWorker();
        CompletableFuture<Integer> queued = pool.submit(counted(), LONG);
        pool.shutdown();
        assertFalse(pool.awaitTermination(Duration.ofMillis(20)));
        assertInstanceOf(ShuttingDownException.class, failure(queued));
        assertEquals(0, computed.get());
    }

    @Test
    void eachWorkerOpensItsResourcesOnItsOwnThreadBeforeTakingJobs() throws Exception {
        Set<String> openedOn = ConcurrentHashMap.newKeySet();
        pool = new InferencePool("own", 3, 1, () -> {
            openedOn.add(Thread.currentThread().getName());
            return WorkerResources.none();
        }, InferencePool.Observer.NONE);
        assertTrue(pool.awaitStarted(Duration.ofSeconds(10)));
        assertEquals(Set.of("own-worker-0", "own-worker-1", "own-worker-2"), openedOn);
        assertEquals(3, pool.workersAlive());
    }

    @Test
    void aFailingJobFailsItsFutureAndTheWorkerCarriesOn() throws Exception {
        pool(1, 2);
        CompletableFuture<Integer> bad = pool.submit(ctx -> {
            throw new IllegalStateException("boom");
        }, LONG);
        assertEquals("boom", failure(bad).getMessage());
        assertEquals(7, pool.submit(ctx -> 7, LONG).get(10, TimeUnit.SECONDS));
        assertEquals(1, pool.workersAlive());
    }

    @Test
    void aRunningJobSeesItsDeadline() throws Exception {
        pool(1, 1);
        CountDownLatch expired = new CountDownLatch(1);
        CompletableFuture<Integer> job = pool.submit(ctx -> {
            ctx.ensureActive(); // fine at first
            assertTrue(expired.await(10, TimeUnit.SECONDS));
            ctx.ensureActive(); // throws: nobody waits any more
            return computed.incrementAndGet();
        }, Deadline.in(Duration.ofMillis(50)));
        assertInstanceOf(DeadlineExceededException.class, failure(job));
        expired.countDown();
        pool.submit(ctx -> 1, LONG).get(10, TimeUnit.SECONDS);
        assertEquals(0, computed.get());
    }

    @Test
    void refusesBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new InferencePool("x", 0, 1, WorkerResources::none, null));
        assertThrows(IllegalArgumentException.class, () -> new InferencePool("x", 1, 0, WorkerResources::none, null));
        pool(1, 1);
    }
}
