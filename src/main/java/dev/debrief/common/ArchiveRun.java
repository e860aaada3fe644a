package dev.debrief.common;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Ends the build's training run ({@code debrief.archive-run=true}, pom.xml): once started, Debrief exits, and the
 * JVM, launched with {@code -XX:ArchiveClassesAtExit}, writes the classes start-up loaded into the class-data
 * archive that {@code jvm.options} names (docs/operations.md). Does nothing on any other start.
 *
 * <p>JDK 17 leaves out of a dynamic archive every class that was loaded but not yet linked, which at this point is
 * about a third of them (Hibernate's boot model, most of all). So before it exits, the run links each class the JVM
 * logged as loaded from a jar ({@value #CLASS_LOG}, written by {@code -Xlog:class+load} in the working directory),
 * without initialising any.
 */
@ApplicationScoped
class ArchiveRun {

    static final String CLASS_LOG = "class-load.log";

    private static final Logger LOG = Logger.getLogger(ArchiveRun.class);

    @Inject
    DebriefConfig config;

    void onStart(@Observes StartupEvent event) {
        if (config.archiveRun()) {
            LOG.infof("Started for the class-data archive only; linked %d loaded classes; stopping.",
                    linkLoadedClasses(Path.of(CLASS_LOG)));
            Quarkus.asyncExit(0);
        }
    }

    /** Links the classes the log names as loaded from a jar; returns how many it linked. */
    static int linkLoadedClasses(Path log) {
        List<String> lines;
        try {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            LOG.warnf("Cannot read %s: %s", log, e.getMessage());
            return 0;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int linked = 0;
        for (String line : lines) {
            String name = loadedFromJar(line);
            if (name != null && link(name, loader)) {
                linked++;
            }
        }
        return linked;
    }

    /** The class name of a {@code class+load} line whose source is a jar file, else null. */
    static String loadedFromJar(String line) {
        int tag = line.indexOf("[class,load] ");
        int source = line.indexOf(" source: file:");
        if (tag < 0 || source < 0) {
            return null;
        }
        return line.substring(tag + "[class,load] ".length(), source);
    }

    /** Asking for a class's declared methods makes HotSpot link (verify and prepare) it; it is not initialised. */
    private static boolean link(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader).getDeclaredMethods();
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            // a class whose optional dependency is absent stays unlinked, as it would at any start
            return false;
        }
    }
}
