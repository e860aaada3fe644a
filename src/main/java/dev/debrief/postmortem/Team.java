package dev.debrief.postmortem;

import dev.debrief.common.InvalidFieldsException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * A team that owns post-mortems and action items. Its name is unique whatever its case; post-mortems and items refer
 * to it by id, so a rename moves their ownership with it.
 */
@Entity
@Table(name = "team")
public class Team extends Tracked {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    /** The name in lower case: what uniqueness, filters and references by name compare. */
    @Column(name = "name_key", nullable = false, length = 100)
    private String nameKey;

    protected Team() {
    }

    Team(String name, Instant now) {
        created(now);
        rename(name, now);
    }

    void rename(String newName, Instant now) {
        name = newName.strip();
        nameKey = keyOf(name);
        changed(now);
    }

    /** How a name is compared: stripped, in lower case. */
    public static String keyOf(String name) {
        return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    static Team findByName(String name) {
        return Team.<Team>find("nameKey", keyOf(name)).firstResult();
    }

    /**
     * The team a post-mortem or an action item names in {@code field}: none when the name is blank; a name that
     * is no team's is refused, so ownership is never given to a team that does not exist.
     */
    static Team named(String field, String name) {
        if (keyOf(name) == null) {
            return null;
        }
        Team team = findByName(name);
        if (team == null) {
            throw InvalidFieldsException.of(field, "names no team: '" + name.strip() + "' (an admin adds teams at "
                    + "/api/teams)");
        }
        return team;
    }

    TeamView view() {
        return new TeamView(id, name, getCreatedAt(), getUpdatedAt(), getVersion());
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    static String nameOf(Team team) {
        return team == null ? null : team.name;
    }
}
