package io.gdwct.folder;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} disjoint shares of a folder, so that {@code count} workers (the pods of an
 * Indexed Job, machines, processes) translate it together, each image exactly once. An image belongs
 * to the share given by the SHA-256 of its path relative to the folder ({@code /}-separated,
 * UTF-8): it depends on nothing but that path, so workers that list the folder at different times,
 * or a retried worker, still agree, and adding images never moves the others between shares.
 *
 * @param index 0 ≤ index &lt; count
 * @param count at least 1
 */
public record Shard(int index, int count) {
    /** The whole folder. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("a shard is INDEX/COUNT with 0 <= INDEX < COUNT, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}, e.g. {@code 0/4}. */
    public static Shard parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a shard is INDEX/COUNT with 0 <= INDEX < COUNT, e.g. 0/4; got '" + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether the image at this relative path is this shard's to translate. */
    public boolean owns(String relativePath) {
        return count == 1 || bucket(relativePath, count) == index;
    }

    /** The share of a relative path among {@code count}: the SHA-256's first 8 bytes, unsigned, modulo count. */
    static int bucket(String relativePath, int count) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(relativePath.getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
