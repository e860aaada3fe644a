package dev.debrief.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One WireMock server on a free port, standing in for the three trackers under their own path prefixes
 * ({@code /github}, {@code /gitlab/api/v4}, {@code /jira}); the trackers' settings point at it.
 */
public class TrackerFakes implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String base = "http://127.0.0.1:" + server.port();
        return Map.of("debrief.tracker.github.api-url", base + "/github",
                "debrief.tracker.gitlab.api-url", base + "/gitlab/api/v4",
                "debrief.tracker.jira.base-url", base + "/jira");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(TrackerFake.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
