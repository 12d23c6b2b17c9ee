package org.w3id.sijill.core;

/**
 * The one unchecked exception family of Sijill. Every failure that a user can act on is a
 * {@code SijillException} (or a subclass) with a message written for that user; it is translated
 * once at each boundary: the command line prints the message and exits non-zero, the HTTP layer
 * answers with the status of {@link #kind()}.
 *
 * <pre>{@code
 * throw new SijillException(SijillException.Kind.BAD_INPUT, "unknown law topic 'cyber'");
 * }</pre>
 */
public class SijillException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms a boundary needs to translate it. */
    public enum Kind {
        /** Input data or a request is malformed (CLI exit 2, HTTP 400). */
        BAD_INPUT(400, 2),
        /** A thing asked for does not exist (HTTP 404). */
        NOT_FOUND(404, 2),
        /** The operation is not allowed (HTTP 403/405). */
        FORBIDDEN(403, 2),
        /** No acceptable representation (HTTP 406). */
        NOT_ACCEPTABLE(406, 2),
        /** A query ran past its time limit (HTTP 503). */
        TIMEOUT(503, 3),
        /** What the request needs is still being prepared for the release served (HTTP 503 with {@code Retry-After}). */
        NOT_READY(503, 3),
        /** Validation of built data failed (shapes, consistency). */
        INVALID_DATA(422, 4),
        /** Environment problem: file system, port, missing tool. */
        ENVIRONMENT(500, 5);

        private final int httpStatus;
        private final int exitCode;

        Kind(int httpStatus, int exitCode) {
            this.httpStatus = httpStatus;
            this.exitCode = exitCode;
        }

        /** @return the HTTP status a server boundary answers with */
        public int httpStatus() { return httpStatus; }

        /** @return the process exit code the command line ends with */
        public int exitCode() { return exitCode; }
    }

    private final Kind kind;

    public SijillException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SijillException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return the category of this failure */
    public Kind kind() { return kind; }
}
