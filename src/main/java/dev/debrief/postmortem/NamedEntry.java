package dev.debrief.postmortem;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An entry of a list that admins keep by name: a team, a contributing factor. Names are unique whatever their case
 * (the schema holds a unique {@code name_key}); what refers to an entry holds its id, so a rename carries everything
 * that names it along.
 */
@MappedSuperclass
public abstract class NamedEntry extends Tracked {

    /** The width of the lower-case name's column. */
    static final int KEY_LENGTH = 100;

    @Column(nullable = false, length = 100)
    private String name;

    /** The name in lower case: what uniqueness, filters and references by name compare. */
    @Column(name = "name_key", nullable = false, length = KEY_LENGTH)
    private String nameKey;

    protected NamedEntry() {
    }

    protected NamedEntry(String name, Instant now) {
        created(now);
        rename(name, now);
    }

    void rename(String newName, Instant now) {
        name = newName.strip();
        nameKey = keyOf(name);
        changed(now);
    }

    /** How a name is compared: stripped, in lower case; none for a blank name. */
    public static String keyOf(String name) {
        return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The name among {@code names} that {@code typed} stands for, in any case, or {@code typed} as it came: what a
     * filter control shows, so that a choice typed in another case stays chosen.
     */
    public static String shownAmong(List<String> names, String typed) {
        String key = keyOf(typed);
        return key == null ? "" : names.stream().filter(name -> key.equals(keyOf(name))).findFirst().orElse(typed);
    }

    static String nameOf(NamedEntry entry) {
        return entry == null ? null : entry.name;
    }

    public String getName() {
        return name;
    }

    NamedView view() {
        return new NamedView(getId(), name, getCreatedAt(), getUpdatedAt(), getVersion());
    }
}
