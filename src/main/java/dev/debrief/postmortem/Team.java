package dev.debrief.postmortem;

import dev.debrief.common.InvalidFieldsException;
import jakarta.persistence.Entity;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A team that owns post-mortems and action items. Its name is unique whatever its case; post-mortems and items refer
 * to it by id, so a rename moves their ownership with it.
 */
@Entity
@Table(name = "team")
@SequenceGenerator(sequenceName = "team_seq")
public class Team extends NamedEntry {

    protected Team() {
    }

    Team(String name, Instant now) {
        super(name, now);
    }

    /**
     * The team a post-mortem or an action item names in {@code field}: none when the name is blank; a name that
     * is no team's is refused, so ownership is never given to a team that does not exist.
     */
    static Team named(String field, String name) {
        if (keyOf(name) == null) {
            return null;
        }
        Team team = Team.<Team>find("nameKey", keyOf(name)).firstResult();
        if (team == null) {
            throw InvalidFieldsException.of(field, "names no team: '" + name.strip() + "' (an admin adds teams at "
                    + "/api/teams)");
        }
        return team;
    }
}
