package io.gdwct.folder;

/**
 * How many images a folder run translates at once, and how many PyTorch intra-op threads each
 * forward uses. libtorch's intra-op pool is sized once for the whole process (DJL reads
 * {@value #TORCH_THREADS} when the engine loads), so the thread count is settled first
 * ({@link #threadsPerWorker}), before the device is chosen, and the worker count after
 * ({@link #of}). The CPU defaults are those of the service: threads = min(cores, 2), workers =
 * cores / threads, so workers × threads never exceeds the cores. On a GPU two workers overlap one
 * image's decoding and encoding with the next one's forward. Explicit values are obeyed even when
 * they oversubscribe the CPU ({@link #oversubscribed()}; the caller warns).
 *
 * @param workers          threads translating images, each a forward at a time, at least 1
 * @param threadsPerWorker PyTorch intra-op threads, at least 1
 * @param cores            the processors the JVM sees
 */
public record Parallelism(int workers, int threadsPerWorker, int cores) {
    /** The system property DJL's PyTorch engine sizes its intra-op pool from. */
    public static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";
    /** Workers on a GPU when not told. */
    static final int GPU_WORKERS = 2;

    public Parallelism {
        if (workers < 1 || threadsPerWorker < 1) {
            throw new IllegalArgumentException("workers and threads per worker must be at least 1, got "
                    + workers + " and " + threadsPerWorker);
        }
    }

    /**
     * @param explicit   the option's value, or null
     * @param configured {@value #TORCH_THREADS} as set (e.g. through JAVA_TOOL_OPTIONS), or null
     * @return the explicit value, else the configured one, else min(cores, 2)
     */
    public static int threadsPerWorker(Integer explicit, String configured, int cores) {
        if (explicit != null) {
            return explicit;
        }
        if (configured != null && configured.trim().matches("[1-9]\\d{0,3}")) {
            return Integer.parseInt(configured.trim());
        }
        return Math.min(Math.max(1, cores), 2);
    }

    /** @param workers the option's value, or null for the default */
    public static Parallelism of(Integer workers, int threadsPerWorker, int cores, boolean gpu) {
        int c = Math.max(1, cores);
        int w = workers != null ? workers : gpu ? GPU_WORKERS : Math.max(1, c / threadsPerWorker);
        return new Parallelism(w, threadsPerWorker, c);
    }

    /** True when workers × threads exceeds the cores. */
    public boolean oversubscribed() {
        return (long) workers * threadsPerWorker > cores;
    }

    @Override
    public String toString() {
        return workers + " worker(s) x " + threadsPerWorker + " thread(s) on " + cores + " core(s)";
    }
}
