package dev.debrief.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Background work that runs one task at a time, in the order given, and never keeps the JVM from stopping. */
public final class Worker {

    private Worker() {
    }

    /** One daemon thread named {@code name} (as thread dumps and logs show it); its tasks queue behind each other. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
