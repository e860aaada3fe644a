package dev.debrief.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of a document as it arrives, by the API, the page or in an archive: decoded strictly (a byte that is not
 * of the encoding refuses the document rather than becoming a replacement character in what is stored as the
 * original), without a leading byte-order mark, so that the same document hashes the same whichever way it came.
 */
final class DocumentText {

    private DocumentText() {
    }

    /** The text of {@code bytes} in UTF-8; empty if they are not UTF-8. */
    static Optional<String> utf8(byte[] bytes) {
        return decode(bytes, StandardCharsets.UTF_8);
    }

    /** The text of {@code bytes} in {@code charset}; empty if they are not text in it. */
    static Optional<String> decode(byte[] bytes, Charset charset) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
