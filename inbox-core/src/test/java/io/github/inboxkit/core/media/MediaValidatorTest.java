package io.github.inboxkit.core.media;

import static io.github.inboxkit.core.media.TestImages.bytes;
import static io.github.inboxkit.core.media.TestImages.concat;
import static io.github.inboxkit.core.media.TestImages.ihdrData;
import static io.github.inboxkit.core.media.TestImages.image;
import static io.github.inboxkit.core.media.TestImages.pngChunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.media.InvalidMediaException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MediaValidatorTest {

    private final MediaValidator validator = MediaValidator.standard();

    private static InvalidMediaException refusal(MediaValidator validator, byte[] content) {
        return catchThrowableOfType(InvalidMediaException.class, () -> validator.validate(content));
    }

    /** A hand-made progressive JPEG with JFIF and Exif-like segments, fill bytes and stuffed scan data. */
    private static byte[] handMadeJpeg(int sofMarker, int width, int height) {
        return concat(
                bytes(0xFF, 0xD8),
                bytes(0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0),
                // an APP1 payload holding EOI and SOI bytes must be skipped by its length, not scanned
                bytes(0xFF, 0xE1, 0x00, 0x06, 0xFF, 0xD9, 0xFF, 0xD8),
                // a DHT segment (0xC4) shares the SOF range but is no frame header
                bytes(0xFF, 0xC4, 0x00, 0x0B, 0x00, 0x7F, 0x7F, 0x7F, 0x7F, 0x03, 0, 0, 0),
                bytes(0xFF, 0xFF, 0xFF), // fill bytes before the next marker
                bytes(0xFF, sofMarker, 0x00, 0x11, 0x08,
                        height >> 8, height & 0xFF, width >> 8, width & 0xFF,
                        0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01),
                bytes(0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00),
                bytes(0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0xFF),
                bytes(0xFF, 0xD9));
    }

    private static byte[] handMadeGif87a(int width, int height) {
        return concat(
                "GIF87a".getBytes(StandardCharsets.US_ASCII),
                bytes(width & 0xFF, width >> 8, height & 0xFF, height >> 8, 0x00, 0x00, 0x00),
                bytes(0x2C, 0, 0, 0, 0, width & 0xFF, width >> 8, height & 0xFF, height >> 8, 0x00),
                bytes(0x02, 0x02, 0x4C, 0x01, 0x00),
                bytes(0x3B));
    }

    private static byte[] handMadePng(int width, int height) {
        return concat(
                PngReader.SIGNATURE,
                pngChunk("IHDR", ihdrData(width, height)),
                pngChunk("IDAT", bytes(0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01)),
                pngChunk("IEND", new byte[0]));
    }

    @Provide
    Arbitrary<byte[]> images() {
        return Combinators.combine(
                        Arbitraries.of(MediaType.class),
                        Arbitraries.integers().between(1, 80),
                        Arbitraries.integers().between(1, 80))
                .as(TestImages::image);
    }

    @Property(tries = 300)
    @Label("F26 an image cut at any point is refused as EMPTY or TRUNCATED, never read with wrong dimensions")
    void truncationIsAlwaysCaught(@ForAll("images") byte[] content, @ForAll @IntRange(min = 0, max = 1_000_000) int cut) {
        ValidatedMedia whole = validator.validate(content);
        int length = cut % content.length;

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> validator.validate(Arrays.copyOf(content, length)));

        assertThat(thrown).isInstanceOf(InvalidMediaException.class);
        assertThat(((InvalidMediaException) thrown).reason()).isIn(Reason.EMPTY, Reason.TRUNCATED);
        assertThat(whole.size()).isEqualTo(content.length);
    }

    @Property(tries = 300)
    @Label("F26 random bytes are either a valid image or refused with InvalidMediaException, nothing else")
    void randomBytesOnlyEverRefused(@ForAll @Size(max = 600) byte[] content) {
        assertOnlyRefusedOrValid(content);
    }

    @Property(tries = 500)
    @Label("F26 a real image with random bytes changed is valid or refused with InvalidMediaException, nothing else")
    void damagedImagesOnlyEverRefused(
            @ForAll("images") byte[] content,
            @ForAll @Size(min = 1, max = 8) java.util.List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll byte value) {
        byte[] damaged = content.clone();
        for (int position : positions) {
            damaged[position % damaged.length] = value;
        }
        assertOnlyRefusedOrValid(damaged);
    }

    @Property(tries = 300)
    @Label("F26 a valid signature followed by random bytes never throws anything but InvalidMediaException")
    void signatureThenNoise(
            @ForAll("signatures") byte[] signature, @ForAll @Size(max = 300) byte[] noise) {
        assertOnlyRefusedOrValid(concat(signature, noise));
    }

    @Provide
    Arbitrary<byte[]> signatures() {
        return Arbitraries.of(
                PngReader.SIGNATURE,
                concat(PngReader.SIGNATURE, pngChunk("IHDR", ihdrData(3, 3))),
                GifReader.SIGNATURE_89A,
                JpegReader.SIGNATURE,
                bytes(0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03));
    }

    private void assertOnlyRefusedOrValid(byte[] content) {
        try {
            ValidatedMedia media = validator.validate(content);
            assertThat(media.width()).isPositive();
            assertThat(media.height()).isPositive();
        } catch (InvalidMediaException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Nested
    class Accepted {

        @ParameterizedTest
        @EnumSource(MediaType.class)
        @DisplayName("F26 real JPEG, PNG and GIF images are accepted with their type, MIME type, size and dimensions")
        void realImages(MediaType type) {
            byte[] content = image(type, 123, 45);

            ValidatedMedia media = validator.validate(content);

            assertThat(media.type()).isEqualTo(type);
            assertThat(media.mimeType()).isEqualTo(type.mimeType());
            assertThat(media.width()).isEqualTo(123);
            assertThat(media.height()).isEqualTo(45);
            assertThat(media.size()).isEqualTo(content.length);
            assertThat(media.content()).isEqualTo(content);
            assertThat(media.toOutboundMedia())
                    .isEqualTo(io.github.inboxkit.carrier.OutboundMedia.inline(type.mimeType(), content));
        }

        @ParameterizedTest
        @ValueSource(ints = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
        @DisplayName("F26 JPEG dimensions come from any SOFn frame header, after skipping segments by length and fill bytes")
        void everyFrameType(int sofMarker) {
            ValidatedMedia media = validator.validate(handMadeJpeg(sofMarker, 640, 480));

            assertThat(media.type()).isEqualTo(MediaType.JPEG);
            assertThat(media.width()).isEqualTo(640);
            assertThat(media.height()).isEqualTo(480);
        }

        @Test
        @DisplayName("F26 a progressive JPEG written by ImageIO is accepted")
        void progressiveJpeg() throws Exception {
            java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg").next();
            javax.imageio.ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (javax.imageio.stream.ImageOutputStream stream = javax.imageio.ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new javax.imageio.IIOImage(picture, null, null), parameters);
            } finally {
                writer.dispose();
            }

            ValidatedMedia media = validator.validate(out.toByteArray());

            assertThat(media.width()).isEqualTo(300);
            assertThat(media.height()).isEqualTo(200);
        }

        @Test
        @DisplayName("F26 a GIF87a image and a hand-made PNG are read exactly")
        void handMadeGifAndPng() {
            assertThat(validator.validate(handMadeGif87a(10, 5)))
                    .extracting(ValidatedMedia::type, ValidatedMedia::width, ValidatedMedia::height)
                    .containsExactly(MediaType.GIF, 10, 5);
            assertThat(validator.validate(handMadePng(70000, 3)))
                    .extracting(ValidatedMedia::type, ValidatedMedia::width, ValidatedMedia::height)
                    .containsExactly(MediaType.PNG, 70000, 3);
        }

        @Test
        @DisplayName("F26 an animated GIF with a colour table, extensions and two frames is read to its trailer")
        void animatedGif() {
            byte[] gif = concat(
                    "GIF89a".getBytes(StandardCharsets.US_ASCII),
                    bytes(0x20, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00), // 32x16, global table of 2 colours
                    bytes(0, 0, 0, 255, 255, 255),
                    bytes(0x21, 0xFF, 0x0B), "NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII),
                    bytes(0x03, 0x01, 0x00, 0x00, 0x00), // loop forever
                    bytes(0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00), // graphic control
                    bytes(0x2C, 0, 0, 0, 0, 0x20, 0, 0x10, 0, 0x00, 0x02, 0x02, 0x4C, 0x01, 0x00),
                    bytes(0x21, 0xF9, 0x04, 0x00, 0x0A, 0x00, 0x00, 0x00),
                    // second frame with a local colour table of 2 colours
                    bytes(0x2C, 1, 0, 1, 0, 0x08, 0, 0x08, 0, 0x80, 9, 9, 9, 8, 8, 8, 0x02, 0x02, 0x4C, 0x01, 0x00),
                    bytes(0x3B));

            ValidatedMedia media = validator.validate(gif, "image/gif");

            assertThat(media.width()).isEqualTo(32);
            assertThat(media.height()).isEqualTo(16);
            assertThat(refusal(validator, Arrays.copyOf(gif, gif.length - 1)).reason()).isEqualTo(Reason.TRUNCATED);
        }

        @Test
        @DisplayName("F26 bytes after the end of an image are ignored, as decoders do")
        void trailingBytesIgnored() {
            byte[] content = concat(image(MediaType.JPEG, 20, 10), bytes(0, 1, 2, 3));

            assertThat(validator.validate(content).width()).isEqualTo(20);
        }

        @Test
        @DisplayName("F26 the validated bytes are a private copy: changing the input afterwards changes nothing")
        void contentIsCopied() {
            byte[] content = image(MediaType.PNG, 8, 8);
            byte[] original = content.clone();
            ValidatedMedia media = validator.validate(content);

            Arrays.fill(content, (byte) 0);
            media.content()[0] = 0;

            assertThat(media.content()).isEqualTo(original);
            assertThat(media).isEqualTo(validator.validate(original));
            assertThat(media.toString()).isEqualTo("ValidatedMedia[PNG 8x8, " + original.length + " bytes]");
        }
    }

    @Nested
    class SizeLimit {

        /** A valid PNG padded with a private ancillary chunk to exactly {@code size} bytes. */
        private byte[] pngOfSize(int size) {
            byte[] base = handMadePng(4, 4);
            int padding = size - base.length - 12;
            byte[] iend = pngChunk("IEND", new byte[0]);
            byte[] head = Arrays.copyOf(base, base.length - iend.length);
            return concat(head, pngChunk("prVt", new byte[padding]), iend);
        }

        @Test
        @DisplayName("F26 the default limit is 410 KB: 419,840 bytes are accepted, one more is refused")
        void defaultLimit() {
            assertThat(MediaValidator.DEFAULT_MAX_BYTES).isEqualTo(419_840);
            assertThat(validator.validate(pngOfSize(419_840)).size()).isEqualTo(419_840);

            InvalidMediaException refused = refusal(validator, pngOfSize(419_841));

            assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(refused.size()).isEqualTo(419_841);
            assertThat(refused.maxBytes()).isEqualTo(419_840);
            assertThat(refused).hasMessageContaining("419,841 bytes").hasMessageContaining("410 KB");
        }

        @Test
        @DisplayName("F26 the size limit is configurable")
        void configurableLimit() {
            MediaValidator small = MediaValidator.builder().maxBytes(1000).build();

            assertThat(small.maxBytes()).isEqualTo(1000);
            assertThat(small.validate(pngOfSize(1000)).size()).isEqualTo(1000);
            assertThat(refusal(small, pngOfSize(1001)).reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(MediaValidator.builder().build()).isSameAs(MediaValidator.standard());
        }

        @Test
        @DisplayName("a size limit below one byte is refused when it is given")
        void limitMustBePositive() {
            assertThatThrownBy(() -> MediaValidator.builder().maxBytes(0))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("maxBytes");
        }
    }

    @Nested
    class Refused {

        @Test
        @DisplayName("F26 an empty attachment is refused as EMPTY")
        void empty() {
            InvalidMediaException refused = refusal(validator, new byte[0]);

            assertThat(refused).isInstanceOf(InboxException.class);
            assertThat(refused.reason()).isEqualTo(Reason.EMPTY);
        }

        @ParameterizedTest
        @CsvSource({"bmp,BMP", "tiff,TIFF"})
        @DisplayName("F26 other real image formats are refused as UNSUPPORTED_FORMAT, naming the format")
        void otherImageFormats(String imageIoName, String expectedName) {
            InvalidMediaException refused = refusal(validator, TestImages.write(imageIoName, 16, 16));

            assertThat(refused.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
            assertThat(refused.detectedFormat()).contains(expectedName);
            assertThat(refused).hasMessageContaining(expectedName).hasMessageContaining("JPEG, PNG and GIF");
        }

        static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> namedFormats() {
            return java.util.stream.Stream.of(
                    arguments("RIFF\u0024\u0000\u0000\u0000WEBPVP8 ", "WebP"),
                    arguments("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "SVG"),
                    arguments("\uFEFF  <svg width=\"10\" height=\"10\"></svg>", "SVG"),
                    arguments("<!DOCTYPE html><html><body>hi</body></html>", "HTML"),
                    arguments("%PDF-1.7 rest", "PDF"),
                    arguments("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000", "HEIC"),
                    arguments("\u0000\u0000\u0000\u001cftypavif\u0000\u0000\u0000\u0000", "AVIF"),
                    arguments("\u0000\u0000\u0000\u0018ftypisom\u0000\u0000\u0000\u0000", "MP4"),
                    arguments("PK\u0003\u0004zipped", "ZIP"));
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.MethodSource
        @DisplayName("F26 documents, vector images and other containers are refused, naming the format")
        void namedFormats(String content, String expectedName) {
            InvalidMediaException refused = refusal(validator, content.getBytes(StandardCharsets.UTF_8));

            assertThat(refused.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
            assertThat(refused.detectedFormat()).contains(expectedName);
        }

        @Test
        @DisplayName("F26 unknown bytes are refused as UNSUPPORTED_FORMAT without a format name")
        void unknownBytes() {
            InvalidMediaException refused = refusal(validator, "just some text".getBytes(StandardCharsets.UTF_8));

            assertThat(refused.reason()).isEqualTo(Reason.UNSUPPORTED_FORMAT);
            assertThat(refused.detectedFormat()).isEmpty();
            assertThat(refused).hasMessageContaining("not a JPEG, PNG or GIF image");
        }

        @ParameterizedTest
        @EnumSource(MediaType.class)
        @DisplayName("F26 an image missing its last byte is refused as TRUNCATED")
        void missingLastByte(MediaType type) {
            byte[] content = image(type, 30, 20);

            InvalidMediaException refused = refusal(validator, Arrays.copyOf(content, content.length - 1));

            assertThat(refused.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(refused.detectedFormat()).contains(type.name());
        }

        @Test
        @DisplayName("F26 a cut inside the signature is TRUNCATED, not an unknown format")
        void cutInsideSignature() {
            assertThat(refusal(validator, bytes(0x89, 'P', 'N')).detectedFormat()).contains("PNG");
            assertThat(refusal(validator, bytes(0xFF, 0xD8)).reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(refusal(validator, "GIF8".getBytes(StandardCharsets.US_ASCII)).reason()).isEqualTo(Reason.TRUNCATED);
        }

        @Test
        @DisplayName("F26 zero width or height is refused as CORRUPT in every format")
        void zeroDimensions() {
            assertThat(refusal(validator, handMadePng(0, 10)).reason()).isEqualTo(Reason.CORRUPT);
            assertThat(refusal(validator, handMadeGif87a(10, 0)).reason()).isEqualTo(Reason.CORRUPT);
            InvalidMediaException jpeg = refusal(validator, handMadeJpeg(0xC0, 10, 0));
            assertThat(jpeg.reason()).isEqualTo(Reason.CORRUPT);
            assertThat(jpeg).hasMessageContaining("width or height is zero");
        }

        @Test
        @DisplayName("F26 PNG structure is checked: IHDR first, its length, its checksum, its pixel format")
        void pngStructure() {
            byte[] good = handMadePng(5, 5);
            byte[] badChecksum = good.clone();
            badChecksum[8 + 8 + 12] ^= 0x01; // the last byte of IHDR's data; the CRC no longer matches
            byte[] wrongFirstChunk = concat(PngReader.SIGNATURE, pngChunk("IDAT", new byte[13]), pngChunk("IEND", new byte[0]));
            byte[] wrongLength = concat(PngReader.SIGNATURE, pngChunk("IHDR", new byte[12]), pngChunk("IEND", new byte[0]));
            byte[] badDepth = ihdrData(5, 5);
            badDepth[8] = 3; // 3-bit RGB does not exist
            byte[] noImageData = concat(PngReader.SIGNATURE, pngChunk("IHDR", ihdrData(5, 5)), pngChunk("IEND", new byte[0]));
            byte[] textModeMangled = good.clone();
            textModeMangled[4] = '\n';

            assertThat(refusal(validator, badChecksum)).hasMessageContaining("IHDR checksum");
            assertThat(refusal(validator, wrongFirstChunk)).hasMessageContaining("first chunk is not IHDR");
            assertThat(refusal(validator, wrongLength)).hasMessageContaining("wrong length");
            assertThat(refusal(validator, concat(PngReader.SIGNATURE, pngChunk("IHDR", badDepth))))
                    .hasMessageContaining("bit depth");
            assertThat(refusal(validator, noImageData)).hasMessageContaining("no image data");
            assertThat(refusal(validator, textModeMangled).reason()).isEqualTo(Reason.CORRUPT);
        }

        @Test
        @DisplayName("F26 JPEG structure is checked: a scan before the frame header, a bad segment length, no frame")
        void jpegStructure() {
            byte[] scanFirst = concat(bytes(0xFF, 0xD8), bytes(0xFF, 0xDA, 0x00, 0x02), bytes(0xFF, 0xD9));
            byte[] badLength = concat(bytes(0xFF, 0xD8), bytes(0xFF, 0xE0, 0x00, 0x01), bytes(0xFF, 0xD9));
            byte[] noFrame = concat(bytes(0xFF, 0xD8), bytes(0xFF, 0xE0, 0x00, 0x02), bytes(0xFF, 0xD9));
            byte[] garbageBetweenSegments = concat(bytes(0xFF, 0xD8), bytes(0xFF, 0xE0, 0x00, 0x02), bytes(0x42, 0xFF, 0xD9));

            assertThat(refusal(validator, scanFirst)).hasMessageContaining("before its frame header");
            assertThat(refusal(validator, badLength)).hasMessageContaining("segment length");
            assertThat(refusal(validator, noFrame)).hasMessageContaining("no frame header");
            assertThat(refusal(validator, garbageBetweenSegments)).hasMessageContaining("marker was expected");
        }

        @Test
        @DisplayName("F26 GIF structure is checked: known version, known blocks, at least one image")
        void gifStructure() {
            byte[] good = handMadeGif87a(4, 4);
            byte[] version88 = good.clone();
            version88[4] = '8';
            byte[] noImage = concat(Arrays.copyOf(good, 13), bytes(0x3B));
            byte[] unknownBlock = concat(Arrays.copyOf(good, 13), bytes(0x99, 0x3B));

            assertThat(refusal(validator, version88)).hasMessageContaining("87a nor 89a");
            assertThat(refusal(validator, noImage)).hasMessageContaining("no image");
            assertThat(refusal(validator, unknownBlock)).hasMessageContaining("unknown block");
        }
    }

    @Nested
    class DeclaredType {

        @ParameterizedTest
        @ValueSource(strings = {"image/jpeg", "IMAGE/JPEG", "image/jpg", " Image/JPG ; name=photo.jpg", "image/jpeg;charset=binary"})
        @DisplayName("F26 declared JPEG types match case-insensitively, parameters ignored, image/jpg an alias")
        void jpegAliases(String declared) {
            ValidatedMedia media = validator.validate(image(MediaType.JPEG, 4, 4), declared);

            assertThat(media.mimeType()).isEqualTo("image/jpeg");
        }

        @ParameterizedTest
        @ValueSource(strings = {"image/png", "image/gif", "application/octet-stream", "image/webp", ""})
        @DisplayName("F26 a declared type that contradicts the bytes is refused as DECLARED_TYPE_MISMATCH")
        void contradiction(String declared) {
            byte[] jpeg = image(MediaType.JPEG, 4, 4);

            InvalidMediaException refused =
                    catchThrowableOfType(InvalidMediaException.class, () -> validator.validate(jpeg, declared));

            assertThat(refused.reason()).isEqualTo(Reason.DECLARED_TYPE_MISMATCH);
            assertThat(refused.declaredContentType()).contains(declared);
            assertThat(refused.detectedFormat()).contains("JPEG");
            assertThat(refused).hasMessageContaining("image/jpeg");
        }

        @Test
        @DisplayName("F26 the type comes from the bytes: a PNG declared as PNG but holding GIF bytes is refused")
        void bytesWin() {
            assertThat(validator.validate(image(MediaType.GIF, 3, 3), "image/gif").type()).isEqualTo(MediaType.GIF);
            assertThat(catchThrowableOfType(
                            InvalidMediaException.class, () -> validator.validate(image(MediaType.GIF, 3, 3), "image/png"))
                    .reason()).isEqualTo(Reason.DECLARED_TYPE_MISMATCH);
        }
    }
}
