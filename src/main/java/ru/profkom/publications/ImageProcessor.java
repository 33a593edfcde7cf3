package ru.profkom.publications;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import ru.profkom.shared.ProfkomException;

/**
 * Checks an upload is a real image and makes the stored copies. The dimensions are read from the
 * header first, and a picture larger than {@link #MAX_PIXELS} is refused before a single pixel is
 * decoded: a few kilobytes of PNG may declare 50,000 × 50,000 pixels and ten gigabytes of memory.
 * Every stored copy is re-encoded as JPEG, which also drops metadata such as a photo's GPS position.
 */
final class ImageProcessor {

    static final int MAX_BYTES = 15 * 1024 * 1024;
    static final int MAX_SIDE = 12_000;
    static final long MAX_PIXELS = 40_000_000L;
    static final int STORED_SIDE = 1600;
    static final int THUMBNAIL_SIDE = 400;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp", "wbmp");

    record Processed(int width, int height, byte[] data, byte[] thumbnail) {}

    private ImageProcessor() {}

    static Processed process(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw ProfkomException.invalid("image", "image.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw ProfkomException.invalid("image", "image.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        BufferedImage image = decode(upload);
        BufferedImage stored = scaled(image, STORED_SIDE);
        BufferedImage thumbnail = scaled(stored, THUMBNAIL_SIDE);
        return new Processed(stored.getWidth(), stored.getHeight(), jpeg(stored), jpeg(thumbnail));
    }

    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw ProfkomException.invalid("image", "image.notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw ProfkomException.invalid("image", "image.notAnImage");
                }
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw ProfkomException.invalid("image", "image.notAnImage");
                }
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw ProfkomException.invalid("image", "image.tooManyPixels", width, height, MAX_SIDE);
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw ProfkomException.invalid("image", "image.notAnImage");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProfkomException refusal) {
                throw refusal;
            }
            throw ProfkomException.invalid("image", "image.notAnImage");
        }
    }

    private static BufferedImage scaled(BufferedImage image, int maxSide) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
