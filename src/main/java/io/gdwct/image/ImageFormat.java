package io.gdwct.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The accepted image formats. What a file is gets decided by its magic bytes ({@link #sniff}); names
 * ({@link #fromName}, {@link #fromFileName}) only choose an output format.
 */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    BMP("image/bmp", "bmp");

    /** How many leading bytes {@link #sniff} looks at; passing more is fine. */
    public static final int SNIFF_BYTES = 18;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The IANA media type, e.g. "image/jpeg". */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension without the dot, e.g. "jpg". */
    public String extension() {
        return extension;
    }

    /**
     * Identifies the format from the first bytes of a file. Only magic bytes count: JPEG {@code FF D8 FF};
     * PNG's 8-byte signature; WebP {@code "RIFF" size "WEBP"}; BMP {@code "BM"} followed by a known DIB
     * header size and a pixel offset past the headers (two letters alone match too much text).
     *
     * @param head the first bytes of the file (at least {@link #SNIFF_BYTES} for BMP); may be shorter or empty
     */
    public static Optional<ImageFormat> sniff(byte[] head) {
        if (head == null) {
            return Optional.empty();
        }
        if (head.length >= 3 && u8(head, 0) == 0xFF && u8(head, 1) == 0xD8 && u8(head, 2) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, new byte[] {'R', 'I', 'F', 'F'}) && startsWith(head, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of(WEBP);
        }
        if (head.length >= SNIFF_BYTES && head[0] == 'B' && head[1] == 'M' && saneBmpHeader(head)) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    /** Parses "jpeg", "jpg", "png", "webp" or "bmp", ignoring case and a leading dot. */
    public static Optional<ImageFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith(".")) {
            n = n.substring(1);
        }
        return switch (n) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            case "bmp" -> Optional.of(BMP);
            default -> Optional.empty();
        };
    }

    /** The format named by a file's extension ("photo.JPG" gives JPEG); empty without a known extension. */
    public static Optional<ImageFormat> fromFileName(Path file) {
        if (file == null || file.getFileName() == null) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : fromName(name.substring(dot + 1));
    }

    private static boolean saneBmpHeader(byte[] h) {
        long dataOffset = u32le(h, 10);
        long dibSize = u32le(h, 14);
        boolean knownDib = dibSize == 12 || dibSize == 40 || dibSize == 52 || dibSize == 56
                || dibSize == 64 || dibSize == 108 || dibSize == 124;
        return knownDib && dataOffset >= 14 + dibSize;
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (b.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static long u32le(byte[] b, int i) {
        return (u8(b, i) | u8(b, i + 1) << 8 | u8(b, i + 2) << 16 | (long) u8(b, i + 3) << 24);
    }
}
