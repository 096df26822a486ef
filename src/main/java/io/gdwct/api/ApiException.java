package io.gdwct.api;

/**
 * A request the HTTP layer itself refuses (a bad form field, a missing part), with the kind of
 * problem and a detail naming the field and what is allowed.
 */
public final class ApiException extends RuntimeException {
    private final ProblemKind kind;

    public ApiException(ProblemKind kind, String detail) {
        super(detail, null, false, false);
        this.kind = kind;
    }

    public ProblemKind kind() {
        return kind;
    }
}
