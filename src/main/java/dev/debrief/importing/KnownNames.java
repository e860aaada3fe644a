package dev.debrief.importing;

import dev.debrief.postmortem.NamedView;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What an import may refer to by name, which lives in the instance rather than in the document: the teams and the
 * contributing factors admins keep. A name the instance does not have is left out of its field, with a warning, and
 * the text that named it stays in the document.
 *
 * @param team whether the instance has a team of that name, whatever its case
 * @param factor the contributing factor of that name, whatever its case, if the instance has one
 */
record KnownNames(Predicate<String> team, Function<String, Optional<NamedView>> factor) {

    /** An instance that has neither teams nor factors, for reading a document on its own. */
    static final KnownNames NONE = new KnownNames(name -> false, name -> Optional.empty());
}
