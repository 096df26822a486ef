package io.gdwct.inference;

import io.gdwct.image.CorruptImageException;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageException;
import io.gdwct.image.ImageHeader;
import io.gdwct.image.ImageHeaders;
import io.gdwct.image.ImageTooLargeException;
import io.gdwct.image.ImageTooSmallException;
import io.gdwct.image.RgbImage;
import org.jboss.logging.Logger;

/**
 * The two checks an uploaded image goes through, each failure naming the part: {@link #check} reads
 * only the header (microseconds, on the request thread, before the job is even queued, so a bomb
 * or a non-image never takes a queue slot), {@link #decode} decodes the pixels (on a worker).
 * A parser failure that is not one of the typed {@link ImageException}s is still the upload's fault
 * and becomes a {@link CorruptImageException}, logged so that the parser gets fixed.
 */
final class UploadedImages {
    private static final Logger LOG = Logger.getLogger(UploadedImages.class);

    private final ImageDecoder decoder;

    UploadedImages(long maxPixels) {
        this.decoder = new ImageDecoder(maxPixels, TranslationRequests.MIN_SIDE);
    }

    /** @throws ImageInputException for an unsupported, corrupt, too large or too small header */
    ImageHeader check(String part, byte[] bytes) {
        try {
            ImageHeader h = ImageHeaders.read(bytes);
            if (h.width() > decoder.maxPixels() / h.height()) { // cannot overflow, unlike w * h
                throw new ImageTooLargeException(h.width(), h.height(), decoder.maxPixels());
            }
            if (h.width() < decoder.minSide() || h.height() < decoder.minSide()) {
                throw new ImageTooSmallException(h.width(), h.height(), decoder.minSide());
            }
            return h;
        } catch (ImageException e) {
            throw new ImageInputException(part, e);
        } catch (RuntimeException e) {
            throw unexpected(part, e);
        }
    }

    /** @throws ImageInputException if the image cannot be decoded */
    RgbImage decode(String part, byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (ImageException e) {
            throw new ImageInputException(part, e);
        } catch (RuntimeException e) {
            throw unexpected(part, e);
        }
    }

    private static ImageInputException unexpected(String part, RuntimeException e) {
        LOG.warnf(e, "image parser failed on the %s upload; answered as corrupt", part);
        return new ImageInputException(part, new CorruptImageException("corrupt image: it could not be parsed"));
    }
}
