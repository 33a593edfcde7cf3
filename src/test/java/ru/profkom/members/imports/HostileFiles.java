package ru.profkom.members.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

/** Large hostile files for tests, generated as streams: none is stored in the repository. */
public final class HostileFiles {

    public static final int MEGABYTE = 1024 * 1024;

    private HostileFiles() {}

    /** A head, {@code body} read to its end, and a tail: the bytes an upload would hand the parser. */
    public static byte[] file(String head, InputStream body, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(61 * MEGABYTE);
        try (InputStream in = new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                body,
                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))))) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code text} in UTF-8 over and over, {@code length} bytes in all, made as they are read. */
    public static InputStream repeated(String text, long length) {
        byte[] unit = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long left = length - length % unit.length;
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = unit[position];
                    position = (position + 1) % unit.length;
                }
                left -= n;
                return n;
            }
        };
    }
}
