package io.gdwct.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A fixed set of worker threads behind a bounded queue: admission control as plain Java, in the
 * manner of djl-serving's workload manager. It knows nothing of HTTP.
 *
 * <ul>
 *   <li>Each worker opens its own {@link WorkerResources} (its warmed-up models) on its own thread,
 *       and keeps them for life: the warm-up's per-shape native caches are worth paying once.</li>
 *   <li>{@link #submit} never blocks: a full queue fails the returned future at once with
 *       {@link QueueFullException}, so overload turns into fast 503s instead of piling up threads.</li>
 *   <li>Every job has a {@link Deadline}. When it passes, the future fails with
 *       {@link DeadlineExceededException} right away; a job whose deadline passed or whose future was
 *       cancelled (the client went away) before a worker took it is dropped without computing.</li>
 *   <li>{@link #shutdown()} stops admission ({@link ShuttingDownException}); workers finish what is
 *       running and queued, then exit. {@link #awaitTermination} bounds that wait.</li>
 * </ul>
 */
public final class InferencePool {
    private static final Logger LOG = Logger.getLogger(InferencePool.class);
    private static final long IDLE_POLL_MS = 100;

    /** Receives per-job timings; the defaults ignore them. */
    public interface Observer {
        default void queueWait(long nanos) {}

        Observer NONE = new Observer() {};
    }

    private final int queueCapacity;
    private final int workerCount;
    private final ArrayBlockingQueue<PendingJob<?>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch opened;
    private final CountDownLatch exited;
    private final ScheduledThreadPoolExecutor timer;
    private final Observer observer;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final ServiceTime serviceTime = new ServiceTime();
    private volatile boolean accepting = true;

    /**
     * Starts the workers; each calls {@code setup} on its own thread before taking jobs.
     *
     * @param queueSize how many jobs may wait for a worker (running ones not counted)
     */
    public InferencePool(String name, int workers, int queueSize, Supplier<WorkerResources> setup, Observer observer) {
        if (workers < 1 || queueSize < 1) {
            throw new IllegalArgumentException("workers and queueSize must be at least 1, got " + workers + ", " + queueSize);
        }
        this.workerCount = workers;
        this.queueCapacity = queueSize;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.opened = new CountDownLatch(workers);
        this.exited = new CountDownLatch(workers);
        this.observer = observer;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(new Thread(r, name + "-deadlines")));
        timer.setRemoveOnCancelPolicy(true);
        for (int i = 0; i < workers; i++) {
            Thread t = daemon(new Thread(() -> work(setup), name + "-worker-" + i));
            threads.add(t);
            t.start();
        }
    }

    /**
     * Admits a job, or fails the returned future at once (queue full, shutting down). Never blocks.
     * Cancelling the future before a worker takes the job drops it.
     */
    public <T> CompletableFuture<T> submit(InferenceJob<T> job, Deadline deadline) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new ShuttingDownException());
        }
        PendingJob<T> p = new PendingJob<>(job, deadline, System.nanoTime());
        admitted.incrementAndGet();
        if (!queue.offer(p)) {
            admitted.decrementAndGet();
            return CompletableFuture.failedFuture(new QueueFullException(queueCapacity, retryAfterSeconds()));
        }
        if (!accepting && queue.remove(p)) { // shutdown raced with this offer: the workers may be gone
            admitted.decrementAndGet();
            return CompletableFuture.failedFuture(new ShuttingDownException());
        }
        long remaining = Math.max(0, deadline.remainingNanos());
        var expiry = timer.schedule(() -> p.future.completeExceptionally(
                new DeadlineExceededException(deadline.budget())), remaining, TimeUnit.NANOSECONDS);
        p.future.whenComplete((r, e) -> {
            expiry.cancel(false); // no timer keeps a finished result alive
            if (queue.remove(p)) { // expired or cancelled while waiting: free its slot now
                admitted.decrementAndGet();
                dropped.incrementAndGet();
            }
        });
        return p.future;
    }

    private void work(Supplier<WorkerResources> setup) {
        WorkerResources resources;
        try {
            resources = setup.get();
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "inference worker %s could not start", Thread.currentThread().getName());
            opened.countDown();
            exited.countDown();
            return;
        }
        opened.countDown();
        try (resources) {
            while (true) {
                PendingJob<?> p = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                if (p != null) {
                    execute(p, resources);
                } else if (!accepting) {
                    return; // shut down and drained
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exited.countDown();
        }
    }

    private <T> void execute(PendingJob<T> p, WorkerResources resources) {
        try {
            if (p.future.isDone()) { // cancelled by the caller, or its deadline fired while queued
                dropped.incrementAndGet();
                return;
            }
            if (p.deadline.passed()) {
                p.future.completeExceptionally(new DeadlineExceededException(p.deadline.budget()));
                dropped.incrementAndGet();
                return;
            }
            observer.queueWait(System.nanoTime() - p.enqueuedNanos);
            running.incrementAndGet();
            long t0 = System.nanoTime();
            try {
                p.future.complete(p.job.run(new JobContext(resources, p.future, p.deadline)));
            } catch (Throwable t) {
                p.future.completeExceptionally(t);
            } finally {
                running.decrementAndGet();
                executed.incrementAndGet();
                serviceTime.record(System.nanoTime() - t0);
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    /** Blocks until every worker has opened its resources (warm-up included) or failed to. */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return opened.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops admission; running and queued jobs still complete. Idempotent. */
    public void shutdown() {
        accepting = false;
    }

    /**
     * Waits for the workers to drain the queue and exit. Jobs still queued after the timeout fail with
     * {@link ShuttingDownException}.
     *
     * @return true if everything finished in time
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        boolean done = exited.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        PendingJob<?> p;
        while ((p = queue.poll()) != null) {
            p.future.completeExceptionally(new ShuttingDownException());
            admitted.decrementAndGet();
        }
        timer.shutdownNow();
        return done;
    }

    public boolean accepting() {
        return accepting;
    }

    /** Jobs admitted and not finished: waiting plus running. */
    public int inflight() {
        return admitted.get();
    }

    /** Jobs waiting for a worker. */
    public int queueDepth() {
        return queue.size();
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public int workers() {
        return workerCount;
    }

    /** Worker threads still running (they exit only after {@link #shutdown()} or a failed start). */
    public int workersAlive() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    /** Jobs a worker ran (successfully or not). */
    public long executed() {
        return executed.get();
    }

    /** Jobs dropped without running: deadline passed or caller cancelled while queued. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Seconds until a slot is likely free: the jobs ahead × the recent service time ÷ workers,
     * rounded up, at least 1.
     */
    public long retryAfterSeconds() {
        double perJob = serviceTime.averageNanos() / 1e9;
        return Math.max(1, (long) Math.ceil(admitted.get() * perJob / workerCount));
    }

    private static Thread daemon(Thread t) {
        t.setDaemon(true);
        return t;
    }
}
