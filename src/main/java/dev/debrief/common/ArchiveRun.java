package dev.debrief.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Ends the build's training run ({@code debrief.archive-run=true}, pom.xml): once started, Debrief exits, and the
 * JVM, launched with {@code -XX:ArchiveClassesAtExit}, writes the classes start-up loaded into the class-data
 * archive that {@code jvm.options} names (docs/operations.md). Does nothing on any other start.
 */
@ApplicationScoped
class ArchiveRun {

    private static final Logger LOG = Logger.getLogger(ArchiveRun.class);

    @Inject
    DebriefConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.archiveRun()) {
            LOG.info("Started for the class-data archive only; stopping.");
            Quarkus.asyncExit(0);
        }
    }
}
