package dev.debrief.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How a post-mortem stores its {@link Section}s: a column each (they are searched and exported one by one).
 * The reading switch is exhaustive, so a new section does not compile until it has a column here.
 */
@Embeddable
class WrittenSections {

    /** The property path of this embeddable in the entity, for queries over the sections. */
    static final String PATH = "written";

    @Column(length = 100_000)
    private String summary;

    @Column(length = 100_000)
    private String impact;

    @Column(length = 100_000)
    private String whatHappened;

    @Column(length = 100_000)
    private String whyDetectionFailed;

    @Column(length = 100_000)
    private String whyResponseFailed;

    @Column(length = 100_000)
    private String whatWeChange;

    SectionTexts texts() {
        return SectionTexts.of(this::get);
    }

    void write(SectionTexts texts) {
        for (Section section : Section.values()) {
            set(section, texts.get(section));
        }
    }

    /** The query path of a section's column, such as {@code written.whatHappened}. */
    static String path(Section section) {
        return PATH + "." + section.field;
    }

    private String get(Section section) {
        return switch (section) {
            case SUMMARY -> summary;
            case IMPACT -> impact;
            case WHAT_HAPPENED -> whatHappened;
            case WHY_DETECTION_FAILED -> whyDetectionFailed;
            case WHY_RESPONSE_FAILED -> whyResponseFailed;
            case WHAT_WE_CHANGE -> whatWeChange;
        };
    }

    private void set(Section section, String text) {
        switch (section) {
            case SUMMARY -> summary = text;
            case IMPACT -> impact = text;
            case WHAT_HAPPENED -> whatHappened = text;
            case WHY_DETECTION_FAILED -> whyDetectionFailed = text;
            case WHY_RESPONSE_FAILED -> whyResponseFailed = text;
            case WHAT_WE_CHANGE -> whatWeChange = text;
        }
    }
}
