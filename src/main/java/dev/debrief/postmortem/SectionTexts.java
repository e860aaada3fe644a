package dev.debrief.postmortem;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The texts of a post-mortem's {@link Section}s, by section; a section not written has no text. Immutable:
 * built once from wherever the texts come from (a request, a form, the entity).
 */
public final class SectionTexts {

    private static final SectionTexts NONE = new SectionTexts(new EnumMap<>(Section.class));

    private final Map<Section, String> texts;

    private SectionTexts(EnumMap<Section, String> texts) {
        this.texts = Collections.unmodifiableMap(texts);
    }

    /** The texts read section by section; a null text leaves its section unwritten. */
    public static SectionTexts of(Function<Section, String> text) {
        EnumMap<Section, String> texts = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            String value = text.apply(section);
            if (value != null) {
                texts.put(section, value);
            }
        }
        return new SectionTexts(texts);
    }

    public static SectionTexts none() {
        return NONE;
    }

    /** The text of a section, or null when it is not written. */
    public String get(Section section) {
        return texts.get(section);
    }

    /** Whether the section has text other than white space. */
    public boolean isWritten(Section section) {
        return !TypedValues.blank(texts.get(section));
    }

    /** Every section's text by its field name, in document order, null where none is written. */
    public Map<String, String> byField() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Section section : Section.values()) {
            fields.put(section.field, texts.get(section));
        }
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SectionTexts that && texts.equals(that.texts);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }

    @Override
    public String toString() {
        return texts.toString();
    }
}
