package io.gdwct.api;

import io.gdwct.core.Sizing;
import io.gdwct.core.Strength;
import io.gdwct.image.ImageFormat;
import io.gdwct.inference.UploadRequest;
import io.gdwct.model.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * The rules of {@code POST /translate}'s fields ({@link TranslateForm}) in one place: what is accepted,
 * the defaults, the ranges, and the messages that name the field at fault and what it may be. Every refusal is an
 * {@link ApiException} (400); nothing here decodes an image.
 */
final class TranslateFormParser {
    static final String CONTENT = "content";
    static final String EXEMPLAR = "exemplar";
    static final List<String> FIELDS =
            List.of(CONTENT, EXEMPLAR, "model", "direction", "maxSide", "strength", "format", "quality");
    static final int DEFAULT_MAX_SIDE = 512;
    static final int DEFAULT_QUALITY = 90;
    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private TranslateFormParser() {}

    /**
     * @param form         the fields as received
     * @param all          every part of the form, to refuse unknown or repeated fields
     * @param maxSideLimit {@code gdwct.limits.max-side}
     */
    static UploadRequest parse(TranslateForm form, Map<String, Collection<FormValue>> all, int maxSideLimit) {
        for (Map.Entry<String, Collection<FormValue>> e : all.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw invalid(ProblemKind.UNKNOWN_FIELD, "unknown form field '" + printable(e.getKey())
                        + "'; accepted fields: " + String.join(", ", FIELDS));
            }
            if (e.getValue().size() > 1) {
                throw invalid(ProblemKind.INVALID_PARAMETER, e.getKey() + ": given " + e.getValue().size()
                        + " times; give it once");
            }
        }
        byte[] content = file(CONTENT, form.content, all);
        byte[] exemplar = file(EXEMPLAR, form.exemplar, all);
        int defaultMaxSide = Math.min(DEFAULT_MAX_SIDE, maxSideLimit);
        return new UploadRequest(model(form.model), content, exemplar, direction(form.direction),
                integer("maxSide", form.maxSide, Sizing.MIN_SIDE, maxSideLimit, defaultMaxSide),
                strength(form.strength), format(form.format),
                integer("quality", form.quality, 1, 100, DEFAULT_QUALITY));
    }

    private static byte[] file(String name, FileUpload upload, Map<String, Collection<FormValue>> all) {
        if (upload == null) {
            throw invalid(ProblemKind.MISSING_PART, all.containsKey(name)
                    ? name + ": must be a file part (with a filename), not a text field"
                    : "missing file part '" + name + "'");
        }
        if (upload.size() == 0) {
            throw invalid(ProblemKind.MISSING_PART, name + ": the uploaded file is empty");
        }
        try {
            return Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the " + name + " upload", e);
        }
    }

    private static String model(String s) {
        if (s == null) {
            return null;
        }
        if (!MODEL_NAME.matcher(s).matches()) {
            throw invalid(ProblemKind.INVALID_PARAMETER, "model: must be 1..64 letters, digits, '.', '_' or '-' "
                    + "(see GET /models), got '" + printable(s) + "'");
        }
        return s;
    }

    private static Direction direction(String s) {
        if (s == null) {
            return Direction.A2B;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "a2b" -> Direction.A2B;
            case "b2a" -> Direction.B2A;
            default -> throw invalid(ProblemKind.INVALID_PARAMETER,
                    "direction: must be a2b or b2a, got '" + printable(s) + "'");
        };
    }

    private static int integer(String field, String s, int min, int max, int dflt) {
        if (s == null) {
            return dflt;
        }
        String range = "must be an integer in " + min + ".." + max;
        try {
            int v = Integer.parseInt(s.trim());
            if (v < min || v > max) {
                throw invalid(ProblemKind.INVALID_PARAMETER, field + ": " + range + ", got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(ProblemKind.INVALID_PARAMETER, field + ": " + range + ", got '" + printable(s) + "'");
        }
    }

    private static Strength strength(String s) {
        if (s == null) {
            return Strength.FULL;
        }
        String range = "strength: must be a number in 0..1";
        try {
            float v = Float.parseFloat(s.trim());
            if (!Strength.allows(v)) { // also refuses NaN
                throw invalid(ProblemKind.INVALID_PARAMETER, range + ", got " + printable(s.trim()));
            }
            return new Strength(v);
        } catch (NumberFormatException e) {
            throw invalid(ProblemKind.INVALID_PARAMETER, range + ", got '" + printable(s) + "'");
        }
    }

    private static ImageFormat format(String s) {
        if (s == null) {
            return ImageFormat.PNG;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "png" -> ImageFormat.PNG;
            case "jpeg", "jpg" -> ImageFormat.JPEG;
            case "webp" -> ImageFormat.WEBP;
            default -> throw invalid(ProblemKind.INVALID_PARAMETER,
                    "format: must be png, jpeg or webp, got '" + printable(s) + "'");
        };
    }

    private static ApiException invalid(ProblemKind kind, String detail) {
        return new ApiException(kind, detail);
    }

    /** Echoes client input safely: at most 40 characters, control characters replaced. */
    static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder b = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
