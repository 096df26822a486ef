package io.gdwct.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds a multipart/form-data body by hand, for the JDK HTTP client (timing-sensitive tests and the
 * load generator): one byte array with a known length, so it is sent with Content-Length.
 */
final class MultipartBody {
    private final String boundary = "----gdwct" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    MultipartBody file(String name, String fileName, String mimeType, byte[] data) {
        head("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", mimeType);
        out.writeBytes(data);
        out.writeBytes(crlf());
        return this;
    }

    MultipartBody field(String name, String value) {
        head("form-data; name=\"" + name + "\"", null);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(crlf());
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return all.toByteArray();
    }

    private void head(String disposition, String mimeType) {
        StringBuilder h = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: ").append(disposition);
        if (mimeType != null) {
            h.append("\r\nContent-Type: ").append(mimeType);
        }
        out.writeBytes(h.append("\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }
}
