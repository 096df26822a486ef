package io.gdwct.training.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gdwct.files.AtomicFiles;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's metrics history, {@code RUN_DIR/metrics.jsonl}: one JSON object per logged iteration,
 * for example
 * {@code {"iteration":1200,"time":"2025-05-01T10:00:00.123Z","elapsedSeconds":631.2,"itPerSec":1.93,
 * "lr":1.0E-4,"d_loss":0.51,"g_total":12.3}}.
 *
 * <p>Every line is flushed as soon as it is written, so a crash loses at most the line in flight;
 * opening the log removes such a torn last line so that the next record starts on a line of its
 * own. Non-finite values (a diverging GAN) are kept and written as the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}.
 */
public final class MetricsLog implements Closeable {

    /** File name inside the run folder. */
    public static final String FILE_NAME = "metrics.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Clock clock;
    private BufferedWriter writer;

    /** Opens (creating if needed) {@code runDir/metrics.jsonl} for appending. */
    public MetricsLog(Path runDir) throws IOException {
        this(runDir, Clock.systemUTC());
    }

    /** As {@link #MetricsLog(Path)}, with the clock that stamps {@code time}. */
    public MetricsLog(Path runDir, Clock clock) throws IOException {
        Files.createDirectories(runDir);
        this.file = runDir.resolve(FILE_NAME);
        this.clock = clock;
        repairTornTail(file);
        this.writer = openForAppend(file);
    }

    /** The log file. */
    public Path file() {
        return file;
    }

    /** Appends a record stamped with the current time. */
    public void log(long iteration, double elapsedSeconds, double itPerSec, double lr, Map<String, Double> values)
            throws IOException {
        append(new MetricsRecord(iteration, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), elapsedSeconds,
                itPerSec, lr, values));
    }

    /** Appends one record as one line and flushes it. */
    public synchronized void append(MetricsRecord record) throws IOException {
        ensureOpen();
        writer.write(toJson(record) + "\n");
        writer.flush();
    }

    /**
     * Drops every line whose iteration is greater than {@code iteration}; called when a run resumes
     * from the checkpoint of that iteration so that the replayed iterations are not logged twice.
     * The file is rewritten through a temporary file, so a crash leaves either the old or the new
     * history.
     */
    public synchronized void truncateAfter(long iteration) throws IOException {
        ensureOpen();
        writer.close();
        writer = null;
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node = parseOrNull(line);
            if (node != null && node.path("iteration").asLong() <= iteration) {
                kept.add(line);
            }
        }
        AtomicFiles.write(file, out -> {
            for (String line : kept) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        writer = openForAppend(file);
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    /**
     * Reads a metrics file; a missing file reads as empty. An unparsable last line (the line a
     * crash interrupted) is skipped; an unparsable line elsewhere means the file was damaged by
     * something else and is reported.
     */
    public static List<MetricsRecord> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.removeIf(String::isBlank);
        List<MetricsRecord> records = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = parseOrNull(lines.get(i));
            if (node == null) {
                if (i == lines.size() - 1) {
                    break;
                }
                throw new IOException(file + ": line " + (i + 1) + " is not a metrics record");
            }
            records.add(fromJson(node));
        }
        return records;
    }

    static String toJson(MetricsRecord r) throws JsonProcessingException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("iteration", r.iteration());
        if (r.time() != null) {
            node.put("time", r.time().toString());
        }
        node.put("elapsedSeconds", r.elapsedSeconds());
        node.put("itPerSec", r.itPerSec());
        node.put("lr", r.lr());
        r.values().forEach(node::put);
        return MAPPER.writeValueAsString(node);
    }

    private static MetricsRecord fromJson(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!MetricsRecord.RESERVED.contains(field.getKey())) {
                Double v = number(field.getValue());
                if (v != null) {
                    values.put(field.getKey(), v);
                }
            }
        }
        JsonNode time = node.get("time");
        return new MetricsRecord(node.get("iteration").asLong(),
                time != null && time.isTextual() ? Instant.parse(time.asText()) : null,
                orNaN(node.get("elapsedSeconds")), orNaN(node.get("itPerSec")), orNaN(node.get("lr")), values);
    }

    /** A numeric field, or a non-finite number Jackson wrote as a string; null for anything else. */
    private static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
            };
        }
        return null;
    }

    private static double orNaN(JsonNode v) {
        Double d = v == null ? null : number(v);
        return d == null ? Double.NaN : d;
    }

    /** The parsed line, or null when it is not a complete JSON object with an integer iteration. */
    private static JsonNode parseOrNull(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node != null && node.isObject() && node.path("iteration").isIntegralNumber()
                    && node.path("iteration").canConvertToLong()) {
                Instant.parse(node.path("time").asText(Instant.EPOCH.toString()));
                return node;
            }
        } catch (IOException | RuntimeException e) {
            // A torn or foreign line: the caller decides whether that is tolerable.
        }
        return null;
    }

    /**
     * If the file does not end with a newline, the last write was interrupted: keep that line if it
     * is nevertheless complete (only the newline was lost), otherwise cut it off. Without this the
     * next record would be glued onto the fragment and both would be lost.
     */
    private static void repairTornTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0 || byteAt(ch, size - 1) == '\n') {
                return;
            }
            long start = size - 1;
            while (start > 0 && byteAt(ch, start - 1) != '\n') {
                start--;
            }
            ByteBuffer tail = ByteBuffer.allocate(Math.toIntExact(size - start));
            ch.read(tail, start);
            if (parseOrNull(new String(tail.array(), StandardCharsets.UTF_8)) != null) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
            } else {
                ch.truncate(start);
            }
        }
    }

    private static byte byteAt(FileChannel ch, long pos) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, pos);
        return b.get(0);
    }

    private static BufferedWriter openForAppend(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void ensureOpen() throws IOException {
        if (writer == null) {
            throw new IOException("metrics log " + file + " is closed");
        }
    }
}
