package dev.debrief.importing;

import dev.debrief.common.CurrentUser;
import dev.debrief.common.DebriefConfig;
import dev.debrief.common.DebriefException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.Worker;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Imports an archive of Markdown documents: the archive is read and its files recorded in the request that sends
 * it; one worker thread then imports the documents one by one, each in a transaction of its own with the record of
 * its outcome, so a document that fails rolls back only itself and the others go on. The worker acts as the person
 * who sent the archive, so the post-mortems and the audit trail name them.
 */
@ApplicationScoped
public class ImportBatches {

    private static final Logger LOG = Logger.getLogger(ImportBatches.class);

    @Inject
    ImportService imports;

    @Inject
    DebriefConfig config;

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    ImportQueue queue;

    /** One worker: batches queue behind each other, and documents of a batch go in the archive's order. */
    private final ExecutorService worker = Worker.single("debrief-import-batch");

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A document of the archive waiting for the worker, with its place in the archive. */
    private record Pending(int position, String markdown) {
    }

    /**
     * Reads the archive, records its files and starts importing them; the view it answers has nothing imported
     * yet. An archive that is not a zip, unpacks to more than the limits or holds no Markdown is refused whole.
     */
    public ImportBatchView start(String archiveName, InputStream body) {
        DebriefConfig.Imports limits = config.imports();
        List<ZipArchive.Entry> entries = ZipArchive.read(body, new ZipArchive.Limits(limits.maxEntries(),
                limits.maxDocumentSize().asLongValue(), limits.maxTotalSize().asLongValue()));
        String name = archiveName == null || archiveName.isBlank() ? "archive.zip" : archiveName.strip();
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).outcome() == FileOutcome.PENDING) {
                pending.add(new Pending(i, entries.get(i).markdown()));
            }
        }
        long size = pending.stream().mapToLong(document -> document.markdown().length()).sum();
        queue.reserve(size);
        ImportBatch batch;
        try {
            batch = record(name, entries);
        } catch (RuntimeException e) {
            queue.release(size);
            throw e;
        }
        SecurityIdentity sender = identities.getIdentity();
        long id = batch.id();
        worker.execute(() -> importAll(id, pending, sender));
        return view(id);
    }

    private ImportBatch record(String name, List<ZipArchive.Entry> entries) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportBatch stored = new ImportBatch(name.length() > ZipArchive.MAX_NAME
                    ? name.substring(0, ZipArchive.MAX_NAME) : name,
                    clock.instant().truncatedTo(ChronoUnit.MICROS), currentUser.name());
            stored.persist();
            for (int i = 0; i < entries.size(); i++) {
                new ImportBatchFile(stored.id(), i, entries.get(i)).persist();
            }
            return stored;
        });
    }

    /** The batch as far as it has come; 404 for an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportBatchView view(long id) {
        ImportBatch batch = ImportBatch.<ImportBatch>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("import batch", id));
        return batch.view(ImportBatchFile.of(id));
    }

    private void importAll(long batchId, List<Pending> documents, SecurityIdentity sender) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(sender);
            for (Pending document : documents) {
                try {
                    importOne(batchId, document);
                } finally {
                    queue.release(document.markdown().length());
                }
            }
        } finally {
            request.terminate();
        }
    }

    private void importOne(long batchId, Pending document) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                long created = imports.importDocument(document.markdown()).id();
                ImportBatchFile.decide(batchId, document.position(), FileOutcome.CREATED, created, null);
            });
        } catch (RuntimeException e) {
            DebriefException refusal = refusalIn(e);
            FileOutcome outcome = refusal instanceof AlreadyImported ? FileOutcome.SKIPPED : FileOutcome.FAILED;
            Long earlier = refusal instanceof AlreadyImported already ? already.postmortemId() : null;
            String reason;
            if (refusal == null) {
                LOG.errorf(e, "Importing document %d of batch %d failed", document.position(), batchId);
                reason = "could not be stored; the error has been logged";
            } else {
                reason = describe(refusal);
            }
            QuarkusTransaction.requiringNew().run(() -> ImportBatchFile.decide(batchId, document.position(), outcome,
                    earlier, outcome == FileOutcome.SKIPPED ? null : reason));
        }
    }

    private static DebriefException refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DebriefException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static String describe(DebriefException refusal) {
        if (refusal.errors().isEmpty()) {
            return refusal.getMessage();
        }
        return refusal.errors().stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
    }
}
