package io.gdwct.api;

import io.gdwct.image.ImageException;
import io.gdwct.image.ImageTooLargeException;
import io.gdwct.image.ImageTooSmallException;
import io.gdwct.image.UnsupportedImageFormatException;
import java.util.Map;

/** The problem kind of each way an uploaded image can be refused. */
final class ProblemTypes {
    private static final Map<Class<? extends ImageException>, ProblemKind> IMAGE_KINDS = Map.of(
            ImageTooLargeException.class, ProblemKind.IMAGE_TOO_LARGE,
            UnsupportedImageFormatException.class, ProblemKind.UNSUPPORTED_IMAGE,
            ImageTooSmallException.class, ProblemKind.IMAGE_TOO_SMALL);

    private ProblemTypes() {}

    /** By type, nearest listed ancestor first; CorruptImageException and any future kind of unreadable input are corrupt. */
    static ProblemKind imageKind(ImageException e) {
        for (Class<?> c = e.getClass(); c != ImageException.class; c = c.getSuperclass()) {
            ProblemKind k = IMAGE_KINDS.get(c);
            if (k != null) {
                return k;
            }
        }
        return ProblemKind.CORRUPT_IMAGE;
    }
}
