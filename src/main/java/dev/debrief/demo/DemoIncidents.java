package dev.debrief.demo;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.DetectionSource;
import java.util.List;

/**
 * What the demo year's incidents are about: kinds of failure that SRE teams write post-mortems for, each with the
 * services it hits, how it was noticed, the answers to the four agenda questions and its three ranked action
 * items. Titles and texts take the affected service's name ({@code %s}).
 */
final class DemoIncidents {

    record Item(String title, ActionItemKind kind) {
    }

    record Scenario(String title, List<String> services, DetectionSource source, String whatHappened,
            String whyDetectionFailed, String whyResponseFailed, String whatWeChange, List<Item> items) {
    }

    private DemoIncidents() {
    }

    private static Item detect(String title) {
        return new Item(title, ActionItemKind.DETECTION);
    }

    private static Item respond(String title) {
        return new Item(title, ActionItemKind.RESPONSE);
    }

    private static Item prevent(String title) {
        return new Item(title, ActionItemKind.PREVENTION);
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("%s returned 502s after a config push", List.of("checkout", "payments-api", "search"),
                    DetectionSource.CUSTOMER,
                    "A configuration change meant for staging was pushed to production and set the %s connection "
                            + "pool size to 1. Requests queued behind the single connection until the load balancer "
                            + "timed them out with 502s.",
                    "We alert on CPU and memory of the %s pods, which stayed normal; nothing watches the error rate "
                            + "that customers see.",
                    "The config change had no owner on call and the deploy log did not list config pushes, so the "
                            + "responders looked at code deploys first.",
                    "Alert on the user-facing error rate; show config pushes in the deploy log; validate pool sizes "
                            + "before a push.",
                    List.of(prevent("Validate connection-pool settings in the config pipeline"),
                            detect("Page on the 5xx rate seen at the load balancer"),
                            respond("List config pushes beside code deploys in the deploy log"))),
            new Scenario("Expired TLS certificate on %s", List.of("api-gateway", "auth", "partner-api"),
                    DetectionSource.CUSTOMER,
                    "The TLS certificate of %s expired at midnight UTC. Clients refused the connection; the mobile app "
                            + "showed a generic network error.",
                    "Certificate expiry was checked by a script on a host that had been decommissioned in the spring.",
                    "Renewing took long because only one person knew where the certificate was issued from.",
                    "Manage certificates with automatic renewal and alert 21 days before any expiry.",
                    List.of(prevent("Move every public certificate to automatic renewal"),
                            detect("Alert 21 days before any certificate expires"),
                            respond("Write the certificate renewal runbook and rehearse it"))),
            new Scenario("%s database ran out of disk", List.of("orders-db", "billing-db", "analytics-db"),
                    DetectionSource.MONITORING,
                    "Write-ahead logs piled up on %s after a replica fell behind, filled the disk and stopped all "
                            + "writes.",
                    "The disk alert fired at 95 %%, which left eleven minutes before the disk was full at the rate "
                            + "of that night.",
                    "Freeing space needed a DBA, and the escalation policy paged the DBA only after 30 minutes.",
                    "Alert on the rate of growth, not only the level; let the on-call engineer free WAL safely.",
                    List.of(detect("Alert on disk growth rate predicting full within 6 hours"),
                            respond("Runbook and permissions for on-call to drop a stuck replication slot"),
                            prevent("Cap replication-slot retention"))),
            new Scenario("Slow %s pages after a cache eviction storm", List.of("search", "catalogue", "recommendations"),
                    DetectionSource.SYNTHETIC,
                    "A deploy restarted every %s cache node at once. The empty caches sent all reads to the database, "
                            + "whose latency went from 20 ms to 4 s.",
                    "The synthetic check caught it after 9 minutes; the latency alert used a 15-minute average.",
                    "The rollback did not help because the caches stayed cold; nobody knew how to warm them.",
                    "Restart cache nodes one at a time, and alert on p95 latency over 5 minutes.",
                    List.of(prevent("Roll cache restarts one node at a time"),
                            detect("Alert on p95 latency over a 5-minute window"),
                            respond("Script and document cache warming"))),
            new Scenario("Login failures for SSO users on %s", List.of("auth", "admin-portal"),
                    DetectionSource.STAFF,
                    "The identity provider rotated its signing keys; %s cached the old keys for 24 hours and refused "
                            + "every new token.",
                    "Failed sign-ins are counted but not alerted on; support noticed from tickets.",
                    "The key cache could only be cleared by a restart, which needed a change approval at night.",
                    "Refresh signing keys when an unknown key id arrives; alert on the failed sign-in ratio.",
                    List.of(prevent("Refetch signing keys on an unknown key id"),
                            detect("Alert when failed sign-ins exceed 5 % of attempts"),
                            respond("Allow restarts of auth without change approval during an incident"))),
            new Scenario("%s queue backlog delayed notifications", List.of("notifications", "email-sender", "webhooks"),
                    DetectionSource.CUSTOMER,
                    "A poison message made the %s consumer crash and restart in a loop; the queue grew to 2 million "
                            + "messages and notifications arrived hours late.",
                    "Consumer restarts looked like normal autoscaling; queue depth had no alert.",
                    "Nobody could tell which message was poisonous; the dead-letter queue had never been set up.",
                    "Dead-letter poison messages after three attempts; alert on queue age.",
                    List.of(prevent("Send messages to a dead-letter queue after three failures"),
                            detect("Alert on the age of the oldest queued message"),
                            respond("Runbook for replaying a dead-letter queue"))),
            new Scenario("Payment provider timeouts in %s", List.of("payments-api", "checkout"),
                    DetectionSource.MONITORING,
                    "The payment provider slowed down; %s waited 60 s per call and ran out of worker threads, so even "
                            + "requests that needed no payment failed.",
                    "We were alerted on our error rate, but nothing showed that the provider was the cause.",
                    "Failing over to the second provider is a manual switch that took 25 minutes to find and flip.",
                    "Time out provider calls after 5 s with a circuit breaker; make the failover a documented flag.",
                    List.of(prevent("Circuit breaker and 5 s timeout on payment provider calls"),
                            respond("One documented flag to switch payment providers"),
                            detect("Dashboard and alert for provider latency"))),
            new Scenario("Bad deploy broke %s for Safari users", List.of("web-frontend", "checkout"),
                    DetectionSource.CUSTOMER,
                    "A JavaScript bundle used a syntax that Safari 15 cannot parse; %s showed a blank page to about "
                            + "18 %% of visitors.",
                    "Our browser tests run only in Chromium and client-side errors are not collected.",
                    "The rollback took 40 minutes because the previous bundle had been deleted from the CDN.",
                    "Collect client-side errors; test in WebKit; keep the last three bundles.",
                    List.of(detect("Collect and alert on client-side JavaScript errors"),
                            prevent("Run the browser tests in WebKit too"),
                            respond("Keep the last three bundles on the CDN for rollback"))),
            new Scenario("DNS change made %s unreachable", List.of("api-gateway", "status-page", "docs-site"),
                    DetectionSource.SYNTHETIC,
                    "A DNS record for %s was changed by hand with a typo in the target; the old record's TTL ran out "
                            + "and clients could not resolve the name.",
                    "The external check detected it quickly, but its alert went to a channel nobody watched at night.",
                    "Nobody on call had access to the DNS provider.",
                    "Manage DNS as code with review; give on-call access to the DNS provider.",
                    List.of(prevent("Manage DNS records as code with review"),
                            respond("Give the on-call rotation access to the DNS provider"),
                            detect("Route external check alerts to the paging service"))),
            new Scenario("%s pods evicted by memory pressure", List.of("image-resizer", "report-builder", "pdf-export"),
                    DetectionSource.MONITORING,
                    "A new image library doubled the memory %s uses per request; the nodes ran out of memory and "
                            + "evicted the pods again and again.",
                    "Evictions were alerted, but only as a warning that is not paged.",
                    "Raising the memory limit needed a rebuild of the chart, which nobody on call had done before.",
                    "Set memory limits from load-test figures; page on repeated evictions.",
                    List.of(prevent("Load-test memory per request before raising library versions"),
                            detect("Page on more than three evictions in 10 minutes"),
                            respond("Make resource limits changeable without a chart rebuild"))),
            new Scenario("Search index stale for %s", List.of("search", "catalogue"),
                    DetectionSource.STAFF,
                    "The indexer for %s stopped after a schema change and nobody noticed; customers saw prices that "
                            + "were two days old.",
                    "The indexer has no heartbeat; its silence looked like a quiet period.",
                    "Rebuilding the index took six hours because it could only run single-threaded.",
                    "Heartbeat and freshness alert for the indexer; parallel rebuild.",
                    List.of(detect("Alert when the newest indexed document is older than 30 minutes"),
                            respond("Parallelise the full index rebuild"),
                            prevent("Contract test between the schema and the indexer"))),
            new Scenario("Rate limiter blocked %s's biggest customer", List.of("partner-api", "api-gateway"),
                    DetectionSource.CUSTOMER,
                    "A new rate limit on %s counted requests per IP address; the largest partner sends everything "
                            + "through one NAT address and was blocked.",
                    "429 responses are not in any alert: they are considered the client's problem.",
                    "Raising the limit for one client needed a deploy; there is no per-client override.",
                    "Rate-limit per API key; alert on 429s per client; allow overrides without a deploy.",
                    List.of(prevent("Rate limit per API key instead of per address"),
                            respond("Per-client rate-limit overrides without a deploy"),
                            detect("Alert when one client's 429 share exceeds 10 %"))),
            new Scenario("Batch job overloaded %s at month end", List.of("billing-db", "orders-db"),
                    DetectionSource.MONITORING,
                    "The month-end invoice job ran 40 parallel queries against %s without an index it needed; "
                            + "interactive queries waited behind it.",
                    "Database load alerts fired, but nothing named the job as the source.",
                    "Stopping the job safely was not documented, so responders let it run for an hour.",
                    "Add the index; run the job on a replica; document how to pause it.",
                    List.of(prevent("Run the invoice job against a read replica"),
                            respond("Document pausing and resuming the invoice job"),
                            detect("Tag database sessions with the job name on the dashboard"))),
            new Scenario("Feature flag exposed unfinished %s flow", List.of("checkout", "mobile-gateway"),
                    DetectionSource.STAFF,
                    "A feature flag for the new %s flow was turned on for all users instead of for staff; orders "
                            + "without delivery addresses were accepted.",
                    "Order validation errors are logged, not counted.",
                    "The flag tool has no audit log, so finding who changed what took a while.",
                    "Flag changes need a second person for production; count validation failures.",
                    List.of(prevent("Require a second approver for production flag changes"),
                            detect("Count and alert on order validation failures"),
                            respond("Turn on the flag tool's audit log"))),
            new Scenario("Kafka consumer lag stalled %s", List.of("inventory", "analytics-pipeline", "webhooks"),
                    DetectionSource.MONITORING,
                    "A partition rebalance loop in the %s consumer group stopped all consumption for 50 minutes.",
                    "Lag was graphed but the alert threshold was set for the old, smaller topic.",
                    "Responders restarted consumers one by one, which restarted the rebalance each time.",
                    "Static group membership; lag alerts that scale with the topic.",
                    List.of(prevent("Use static group membership for the consumers"),
                            detect("Alert on consumer lag in seconds, not messages"),
                            respond("Runbook: stop all consumers, then start them together"))),
            new Scenario("Backup restore test failed for %s", List.of("orders-db", "billing-db", "user-db"),
                    DetectionSource.STAFF,
                    "The quarterly restore test of %s found that backups for the past three weeks were empty files: "
                            + "the backup user had lost a permission.",
                    "Backup jobs reported success because the dump tool exits 0 on an empty database list.",
                    "Nobody owned backups after the platform team reorganised.",
                    "Verify backups by restoring one every night; give backups an owner.",
                    List.of(detect("Nightly automatic restore of the latest backup"),
                            prevent("Check the size and table count of every backup"),
                            respond("Name an owning team for backups in the service catalogue"))));

    static final List<String> OWNERS = List.of("team-payments", "team-platform", "team-sre", "team-search",
            "team-identity", "team-data", "team-web", "team-mobile", "alice", "bob", "chen", "dana", "emeka", "farah");

    static final List<String> ATTENDEES = List.of("Alice", "Bob", "Chen", "Dana", "Emeka", "Farah", "Gus");

    static final List<String> DROP_REASONS = List.of("Superseded by the platform migration",
            "The service is being retired next quarter", "Covered by another post-mortem's item");

    static final List<String> REDATE_REASONS = List.of("Waiting for the vendor's release",
            "The owner was on call all week", "Needs the new cluster, which slipped a sprint");
}
