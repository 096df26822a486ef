package io.gdwct.api;

/**
 * Every kind of error this service answers with: its status code, title, problem type URI and the
 * {@code gdwct.rejected} reason it counts under (null: not a rejection, e.g. an unknown path).
 */
public enum ProblemKind {
    INVALID_PARAMETER(400, "Invalid request parameter", "invalid"),
    MISSING_PART(400, "Missing or empty upload", "invalid"),
    UNKNOWN_FIELD(400, "Unknown form field", "invalid"),
    MALFORMED_REQUEST(400, "Malformed request", "invalid"),
    CORRUPT_IMAGE(400, "Corrupt image", "corrupt"),
    UNKNOWN_MODEL(404, "Unknown model", "invalid"),
    NOT_FOUND(404, "Not found", null),
    METHOD_NOT_ALLOWED(405, "Method not allowed", null),
    NOT_ACCEPTABLE(406, "Not acceptable", null),
    IMAGE_TOO_LARGE(413, "Image too large", "too_large"),
    BODY_TOO_LARGE(413, "Request body too large", "too_large"),
    UNSUPPORTED_IMAGE(415, "Unsupported image format", "unsupported"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported"),
    IMAGE_TOO_SMALL(422, "Image too small", "invalid"),
    INTERNAL(500, "Internal server error", null),
    NO_MODEL(503, "No model available", "no_model"),
    QUEUE_FULL(503, "Service at capacity", "queue_full"),
    SHUTTING_DOWN(503, "Service shutting down", "shutting_down"),
    DEADLINE_EXCEEDED(504, "Deadline exceeded", "deadline"),
    /** nginx's convention: the client went away before the answer; nobody reads it. */
    CLIENT_CLOSED(499, "Client closed request", "cancelled");

    private final int status;
    private final String title;
    private final String rejectedReason;

    ProblemKind(int status, String title, String rejectedReason) {
        this.status = status;
        this.title = title;
        this.rejectedReason = rejectedReason;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** e.g. {@code urn:gdwct:problem:queue-full}. */
    public String type() {
        return "urn:gdwct:problem:" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The {@code reason} tag of {@code gdwct.rejected}, or null when this kind is not counted there. */
    public String rejectedReason() {
        return rejectedReason;
    }

    public Problem problem(String detail, String instance) {
        return new Problem(type(), title, status, detail, instance);
    }
}
