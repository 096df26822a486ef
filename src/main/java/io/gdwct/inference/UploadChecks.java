package io.gdwct.inference;

import io.gdwct.core.Sizing;
import io.gdwct.image.CorruptImageException;
import io.gdwct.image.ImageDecoder;
import io.gdwct.image.ImageException;
import io.gdwct.image.ImageHeader;
import io.gdwct.image.RgbImage;
import org.jboss.logging.Logger;

/**
 * The two checks an uploaded image goes through, each failure naming the part: {@link #check} reads
 * only the header (microseconds, on the request thread, before the job is even queued, so a bomb
 * or a non-image never takes a queue slot), {@link #decode} decodes the pixels (on a worker).
 * A parser failure that is not one of the typed {@link ImageException}s is still the upload's fault
 * and becomes a {@link CorruptImageException}, logged so that the parser gets fixed.
 */
final class UploadChecks {
    private static final Logger LOG = Logger.getLogger(UploadChecks.class);

    private final ImageDecoder decoder;

    UploadChecks(long maxPixels) {
        this.decoder = new ImageDecoder(maxPixels, Sizing.MIN_SIDE);
    }

    /** @throws ImageInputException for an unsupported, corrupt, too large or too small header */
    ImageHeader check(String part, byte[] bytes) {
        try {
            return decoder.checkHeader(bytes);
        } catch (ImageException e) {
            throw new ImageInputException(part, e);
        } catch (RuntimeException e) {
            throw unexpected(part, e);
        }
    }

    /**
     * @param header what {@link #check} returned for these bytes: the header is not parsed again
     * @throws ImageInputException if the image cannot be decoded
     */
    RgbImage decode(String part, byte[] bytes, ImageHeader header) {
        try {
            return decoder.decode(bytes, header);
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
