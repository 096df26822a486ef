package io.gdwct.model.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file (or stream) is not a well-formed checkpoint, .npy or safetensors file: wrong magic, a
 * truncated or corrupt body, a structure other than the one expected. The message is always one
 * line and names the file, so that it can go into a log or an HTTP error as it is.
 */
public class CheckpointFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public CheckpointFormatException(String message) {
        super(oneLine(message));
    }

    public CheckpointFormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    /** "{file} is not a PyTorch state_dict checkpoint (torch.save zip or legacy format): {reason}". */
    static CheckpointFormatException notTorch(Path file, String reason, Throwable cause) {
        return new CheckpointFormatException(file + " is not a PyTorch state_dict checkpoint"
                + " (torch.save zip or legacy format): " + reason, cause);
    }

    static CheckpointFormatException notTorch(Path file, String reason) {
        return notTorch(file, reason, null);
    }

    /** A short description of a cause for the message: its message, or its class when it has none. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    // Pickle and JSON errors carry multi-line messages; a log line or HTTP reason must stay one line.
    private static String oneLine(String message) {
        return message == null ? null : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
