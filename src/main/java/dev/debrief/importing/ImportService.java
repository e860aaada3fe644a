package dev.debrief.importing;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.UnprocessableException;
import dev.debrief.postmortem.ActionItemRequest;
import dev.debrief.postmortem.FactorService;
import dev.debrief.postmortem.PostMortemService;
import dev.debrief.postmortem.PostMortemView;
import dev.debrief.postmortem.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Imports a post-mortem from Markdown through the same service and the same constraints as the API, in one
 * transaction: the post-mortem, its ranked items and the original document, or nothing.
 */
@ApplicationScoped
@Transactional
public class ImportService {

    @Inject
    PostMortemService postmortems;

    @Inject
    TeamService teams;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    FactorService factors;

    @Inject
    CurrentUser currentUser;

    /** What the document would become, storing nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportDraft preview(String markdown) {
        ImportDraft draft = MarkdownImporter.read(markdown, clock.instant(), knownNames());
        return ImportedSource.importedAs(sha256(markdown)).map(earlier -> draft.withWarning("This document was "
                + "imported before, as post-mortem " + earlier + "; importing it again is refused (409).")).orElse(draft);
    }

    /**
     * Creates the post-mortem the document describes; a document that cannot be right is a 422 naming why, and one
     * imported before a 409 naming the post-mortem it became.
     */
    public PostMortemView importDocument(String markdown) {
        String hash = sha256(markdown);
        ImportedSource.importedAs(hash).ifPresent(earlier -> {
            throw new AlreadyImported(earlier);
        });
        ImportDraft draft = MarkdownImporter.read(markdown, clock.instant(), knownNames());
        List<FieldError> errors = new ArrayList<>(draft.refusals());
        validator.validate(draft.postmortem()).forEach(violation -> errors.add(
                new FieldError("postmortem." + violation.getPropertyPath(), violation.getMessage())));
        for (int i = 0; i < draft.actionItems().size(); i++) {
            String prefix = "actionItems[" + i + "].";
            validator.validate(draft.actionItems().get(i)).forEach(violation -> errors.add(
                    new FieldError(prefix + violation.getPropertyPath(), violation.getMessage())));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        PostMortemView created;
        try {
            created = postmortems.create(draft.postmortem());
        } catch (InvalidFieldsException e) {
            throw refused(e.errors().stream()
                    .map(error -> new FieldError("postmortem." + error.field(), error.message())).toList());
        }
        for (ActionItemRequest item : draft.actionItems()) {
            postmortems.addActionItem(created.id(), item);
        }
        new ImportedSource(created.id(), markdown, hash,
                clock.instant().truncatedTo(ChronoUnit.MICROS), currentUser.name()).persist();
        return postmortems.get(created.id());
    }

    /** The Markdown the post-mortem was imported from; 404 for one written in Debrief. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String source(long postmortemId) {
        return ImportedSource.<ImportedSource>findByIdOptional(postmortemId).map(ImportedSource::markdown)
                .orElseThrow(() -> new NotFoundException("imported document of post-mortem", postmortemId));
    }

    /** The teams and factors a document may name, read as the importer asks for each name. */
    private KnownNames knownNames() {
        return new KnownNames(teams::has, factors.byName());
    }

    private static UnprocessableException refused(List<FieldError> errors) {
        return new UnprocessableException("The document cannot be imported as it is: " + errors.size()
                + " problem(s), each named in errors. Correct the document and import it again.", errors);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
