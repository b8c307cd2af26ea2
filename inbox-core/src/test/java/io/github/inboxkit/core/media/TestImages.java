package io.github.inboxkit.core.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Genuine images written by the JDK's ImageIO, and helpers to craft broken ones by hand. */
public final class TestImages {

    private TestImages() {}

    /**
     * Writes a real image of the given type and size with a few coloured shapes in it.
     *
     * @param type the format to write
     * @param width the width in pixels
     * @param height the height in pixels
     * @return the encoded bytes
     */
    public static byte[] image(MediaType type, int width, int height) {
        return write(type == MediaType.JPEG ? "jpeg" : type.name().toLowerCase(java.util.Locale.ROOT), width, height);
    }

    /**
     * Writes a real image in any format ImageIO knows (for example {@code "bmp"} or {@code "tiff"}).
     *
     * @param formatName the ImageIO format name
     * @param width the width in pixels
     * @param height the height in pixels
     * @return the encoded bytes
     */
    public static byte[] write(String formatName, int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(0, 0, Math.max(1, width / 2), Math.max(1, height / 2));
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, formatName, out)) {
                throw new IllegalStateException("no ImageIO writer for " + formatName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG chunk with its length and a correct CRC. */
    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
        return out.toByteArray();
    }

    /** The 13 data bytes of an IHDR chunk for an 8-bit RGB image. */
    static byte[] ihdrData(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, width);
        writeInt(out, height);
        out.writeBytes(new byte[] {8, 2, 0, 0, 0});
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
