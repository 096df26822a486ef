package io.gdwct.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Load and soak tool (not a test: nothing runs it in CI) against a service already running on
 * loopback, e.g. {@code java -jar target/quarkus-app/quarkus-run.jar serve}. JDK-only, so it runs from
 * {@code target/test-classes} alone:
 *
 * <pre>java -cp target/test-classes io.gdwct.api.LoadGenerator URL PID UPLOADS_DIR [QUEUE_SIZE] [SOAK_COUNT] [SOAK_MAX_SIDE] [PHASES]</pre>
 *
 * <ol>
 *   <li>capacity: 30 s of a closed loop with 2 clients (the worker never idles) gives throughput C and
 *       the mean service time S = 1 / C;</li>
 *   <li>overload: 60 s of an open loop at 4 C (at most 2,000 requests): every answer must be 200, 503 or
 *       504 (no other status, no dropped connection); accepted requests' p99 must stay within
 *       (queue + 1) × the per-job time the server measured meanwhile, + 1 s; RSS after (settled) within
 *       10 % of before;</li>
 *   <li>soak: SOAK_COUNT (default 2,000) sequential translations at SOAK_MAX_SIDE (default 256; smaller
 *       keeps a 2,000-request soak short on a slow CPU), RSS sampled every 100;</li>
 *   <li>the uploads folder is empty afterwards.</li>
 * </ol>
 * PHASES is "overload,soak" by default (capacity always runs). Prints a report (markdown) and exits
 * non-zero if a check fails.
 */
public final class LoadGenerator {
    private final URI translate;
    private final long pid;
    private final Path uploads;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final byte[] content = read("src/test/resources/images/photo-storm.jpg");
    private final byte[] exemplar = read("src/test/resources/images/painting-arcimboldo-librarian.jpg");
    private byte[] body;
    private String contentType;
    private final List<String> failures = new ArrayList<>();

    LoadGenerator(String url, long pid, Path uploads) {
        this.translate = URI.create(url + "/translate");
        this.pid = pid;
        this.uploads = uploads;
        useMaxSide(256);
    }

    /** Every following request asks for this output size. */
    private void useMaxSide(int maxSide) {
        MultipartBody b = new MultipartBody().file("content", "c.jpg", "image/jpeg", content)
                .file("exemplar", "e.jpg", "image/jpeg", exemplar).field("maxSide", Integer.toString(maxSide));
        body = b.bytes();
        contentType = b.contentType();
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator g = new LoadGenerator(args[0], Long.parseLong(args[1]), Path.of(args[2]));
        int queue = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int soak = args.length > 4 ? Integer.parseInt(args[4]) : 2000;
        int soakMaxSide = args.length > 5 ? Integer.parseInt(args[5]) : 256;
        String phases = args.length > 6 ? args[6] : "overload,soak";
        g.run(queue, soak, soakMaxSide, phases);
        System.exit(g.failures.isEmpty() ? 0 : 1);
    }

    /** One request's outcome: status (-1 for an exception: a dropped connection) and latency. */
    record Outcome(int status, long nanos, String error) {}

    void run(int queue, int soakCount, int soakMaxSide, String phases) throws Exception {
        for (int i = 0; i < 3; i++) {
            check(send().join().status() == 200, "warm-up request failed");
        }
        double capacity = closedLoop(2, Duration.ofSeconds(30));
        double serviceMs = 1000 / capacity;
        System.out.printf("## capacity%n- maxSide 256, closed loop, 2 clients, 30 s: %.2f req/s, i.e. %.0f ms per request%n",
                capacity, serviceMs);

        if (phases.contains("overload")) {
            overload(capacity, queue);
        }
        if (phases.contains("soak")) {
            useMaxSide(soakMaxSide);
            System.out.printf("## soak%n- maxSide %d, ", soakMaxSide);
            soak(soakCount);
        }
        long left;
        try (Stream<Path> s = Files.exists(uploads) ? Files.list(uploads) : Stream.empty()) {
            left = s.count();
        }
        System.out.printf("## uploads%n- %d file(s) left in %s%n", left, uploads);
        check(left == 0, "uploads left behind");
        System.out.printf("## result%n- %s%n", failures.isEmpty() ? "all checks passed" : "FAILED: " + failures);
    }

    private double closedLoop(int clients, Duration length) throws Exception {
        long t0 = System.nanoTime();
        long end = t0 + length.toNanos();
        List<CompletableFuture<Integer>> loops = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            loops.add(CompletableFuture.supplyAsync(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    Outcome o = send().join();
                    check(o.status() == 200, "closed loop got " + o.status() + " " + o.error());
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (CompletableFuture<Integer> l : loops) {
            total += l.get();
        }
        return total / ((System.nanoTime() - t0) / 1e9);
    }

    private List<Outcome> openLoop(double rate, Duration length, int maxRequests) throws Exception {
        int n = (int) Math.min(maxRequests, Math.round(rate * length.toSeconds()));
        long intervalNanos = (long) (1e9 / rate);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        List<CompletableFuture<Outcome>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CompletableFuture<Outcome> f = new CompletableFuture<>();
            all.add(f);
            ticker.schedule(() -> send().whenComplete((o, e) -> f.complete(o)), i * intervalNanos, TimeUnit.NANOSECONDS);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(length.toSeconds() + 120, TimeUnit.SECONDS);
        ticker.shutdown();
        return all.stream().map(CompletableFuture::join).toList();
    }

    /**
     * 4× capacity, open loop. The latency bound is checked against the service time the workers really
     * had during the overload (from the server's own timers): the CPU is shared, so the capacity phase's
     * figure is only an estimate, and the point is the queueing discipline (no accepted request waits for
     * more than the queue ahead of it), not the speed of the CPU at that moment.
     */
    private void overload(double capacity, int queue) throws Exception {
        long rssBefore = rssKb();
        Map<String, Double> m0 = metrics();
        List<Outcome> over = openLoop(4 * capacity, Duration.ofSeconds(60), 2000);
        Map<String, Double> m1 = metrics();
        double jobs = delta(m0, m1, "gdwct_inference_seconds_count");
        double jobMs = 1000 * (delta(m0, m1, "gdwct_decode_seconds_sum") + delta(m0, m1, "gdwct_inference_seconds_sum")
                + delta(m0, m1, "gdwct_encode_seconds_sum")) / Math.max(1, jobs);
        double maxWaitMs = 1000 * m1.getOrDefault("gdwct_queue_wait_seconds_max", 0.0);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        over.forEach(o -> byStatus.merge(o.status(), 1, Integer::sum));
        long[] ok = over.stream().filter(o -> o.status() == 200).mapToLong(Outcome::nanos).sorted().toArray();
        double p50 = pct(ok, 0.50) / 1e6, p99 = pct(ok, 0.99) / 1e6, max = pct(ok, 1.0) / 1e6;
        double bound = (queue + 1) * jobMs;
        double slack = 1000; // loopback upload of ~70 KB, multipart temp files, 503s and the OS all share 2 cores
        System.out.printf("## overload%n- open loop at %.2f req/s (4x) for 60 s: %d requests, statuses %s%n",
                4 * capacity, over.size(), byStatus);
        System.out.printf("- server side: %.0f jobs, %.0f ms per job (decode + inference + encode), longest queue wait "
                + "%.0f ms%n", jobs, jobMs, maxWaitMs);
        System.out.printf("- accepted (200) round trip: p50 %.0f ms, p99 %.0f ms, max %.0f ms; bound (queue %d + 1) x "
                + "%.0f ms = %.0f ms + slack %.0f ms%n", p50, p99, max, queue, jobMs, bound, slack);
        check(byStatus.keySet().stream().allMatch(s -> s == 200 || s == 503 || s == 504), "unexpected status " + byStatus);
        over.stream().filter(o -> o.error() != null).limit(3).forEach(o -> failures.add("transport error " + o.error()));
        check(p99 <= bound + slack, "p99 " + p99 + " ms over the bound");
        long rssAfter = settledRssKb();
        System.out.printf("- RSS before %d MB, after %d MB (%+.1f %%)%n", rssBefore / 1024, rssAfter / 1024,
                100.0 * (rssAfter - rssBefore) / rssBefore);
        check(Math.abs(rssAfter - rssBefore) <= 0.10 * rssBefore, "RSS moved more than 10 %");
    }

    /** The service's Prometheus samples without labels (the gdwct timers), by name. */
    private Map<String, Double> metrics() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(translate.resolve("/q/metrics")).build();
        Map<String, Double> m = new TreeMap<>();
        for (String line : client.send(r, HttpResponse.BodyHandlers.ofString()).body().split("\n")) {
            String[] f = line.split(" ");
            if (line.startsWith("gdwct_") && f.length == 2 && !f[0].contains("{")) {
                m.put(f[0], Double.parseDouble(f[1]));
            }
        }
        return m;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String name) {
        return after.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0);
    }

    private void soak(int count) {
        System.out.printf("%d sequential translations; RSS every 100 (MB):", count);
        List<Long> rss = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            Outcome o = send().join();
            check(o.status() == 200, "soak request " + i + " got " + o.status() + " " + o.error());
            if (i % 100 == 0) {
                rss.add(rssKb() / 1024);
                System.out.print(" " + rss.get(rss.size() - 1));
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long first = rss.get(0), last = rss.get(rss.size() - 1);
        long lo = rss.stream().min(Long::compare).orElseThrow(), hi = rss.stream().max(Long::compare).orElseThrow();
        System.out.printf("%n- %.0f s (%.1f req/s); first %d MB, last %d MB, range %d..%d MB (%+.1f %% first to last)%n",
                secs, count / secs, first, last, lo, hi, 100.0 * (last - first) / first);
        check(last <= first * 1.10, "RSS grew more than 10 % over the soak");
    }

    private CompletableFuture<Outcome> send() {
        HttpRequest r = HttpRequest.newBuilder(translate).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long t0 = System.nanoTime();
        return client.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray())
                .handle((resp, e) -> e != null ? new Outcome(-1, System.nanoTime() - t0, e.toString())
                        : new Outcome(resp.statusCode(), System.nanoTime() - t0, null));
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    /** RSS once the process has settled: sampled every second until it stops falling (at most 10 s). */
    private long settledRssKb() throws InterruptedException {
        long prev = Long.MAX_VALUE;
        long now = rssKb();
        for (int i = 0; i < 10 && now < prev; i++) {
            Thread.sleep(1000);
            prev = now;
            now = rssKb();
        }
        return now;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            synchronized (failures) {
                failures.add(message);
            }
        }
    }
}
