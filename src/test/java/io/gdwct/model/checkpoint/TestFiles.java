package io.gdwct.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Fixture lookup (from the test classpath, i.e. src/test/resources/official/...) and shared assertions. */
final class TestFiles {

    private TestFiles() {
    }

    /** {@code official/<relative>} on the test classpath, as a file path. */
    static Path official(String relative) {
        URL url = TestFiles.class.getResource("/official/" + relative);
        assertNotNull(url, "missing test resource official/" + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts that {@code read} fails with exactly CheckpointFormatException (not a subclass of
     * some other type leaking out), whose message is one line and names {@code file}.
     */
    static CheckpointFormatException assertFormatError(Path file, Executable read) {
        IOException e = assertThrows(IOException.class, read);
        assertEquals(CheckpointFormatException.class, e.getClass(), () -> "wrong exception type: " + e);
        String message = e.getMessage();
        assertNotNull(message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "message is not one line: " + message);
        assertTrue(message.contains(file.toString()), () -> "message does not name the file: " + message);
        return (CheckpointFormatException) e;
    }

    /** As {@link #assertFormatError} for a torch checkpoint, checking the standard wording too. */
    static CheckpointFormatException assertNotTorch(Path file, Executable read) {
        CheckpointFormatException e = assertFormatError(file, read);
        assertTrue(e.getMessage().startsWith(file + " is not a PyTorch state_dict checkpoint"
                + " (torch.save zip or legacy format): "), e.getMessage());
        return e;
    }
}
