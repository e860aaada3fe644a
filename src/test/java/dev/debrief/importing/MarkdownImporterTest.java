package dev.debrief.importing;

import static dev.debrief.postmortem.StoredDocument.MAX_FACTORS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.debrief.postmortem.ActionItemKind;
import dev.debrief.postmortem.ActionItemRequest;
import dev.debrief.postmortem.DetectionSource;
import dev.debrief.postmortem.NamedView;
import dev.debrief.postmortem.PostMortemRequest;
import dev.debrief.postmortem.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How documents written on the common templates become a post-mortem; no database, no server. */
class MarkdownImporterTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private static final String GOOGLE_SRE = """
            # Shakespeare Sonnet++ Postmortem (incident #465)

            **Date:** 2015-10-21 14:51 UTC

            **Status:** Complete, action items in progress

            ## Summary

            Shakespeare Search down for 66 minutes during a period of very high interest.

            ## Impact

            Estimated 1.21B queries lost, no revenue impact.

            ## Root Causes

            Cascading failure due to a combination of exceptionally high load and a resource leak.

            ## Trigger

            Latent bug triggered by sudden increase in traffic.

            ## Resolution

            Directed traffic to a sacrificial cluster and added 10x capacity.

            ## Detection

            Borgmon detected a high level of HTTP 500s and paged on-call.

            ## Action Items

            | Action Item | Type | Owner | Bug |
            |---|---|---|---|
            | Update playbook with instructions for responding to cascading failure | mitigate | jennifer | n/a |
            | Use flux capacitor to balance load between clusters | prevent | martin | Bug 5554823 |
            | Schedule cascading failure test during next DiRT | process | docbrown | n/a |
            | Investigate running index MR/fusion continuously | prevent | jennifer | Bug 5554824 |

            ## Lessons Learned

            ### What went well

            Monitoring quickly alerted us to high rate of HTTP 500s.

            ### Where we got lucky

            Mary Poppins was around to help.

            ## Timeline

            2015-10-21 (all times UTC)

            - 14:51 News reports that a new Shakespearean sonnet has been discovered
            - 14:53 Traffic to Shakespeare search increases by 88x
            - 15:01 INCIDENT BEGINS Shakespeare search begins to fail
            - 15:02 Borgmon detected a high level of HTTP 500s and paged on-call
            - 15:55 Service restored, all clear
            """;

    @Test
    void aGoogleWorkbookPostMortemFillsTheFourQuestionsAndItsTimes() {
        ImportDraft draft = MarkdownImporter.read(GOOGLE_SRE, NOW);
        PostMortemRequest pm = draft.postmortem();

        assertThat(pm.title()).isEqualTo("Shakespeare Sonnet++ Postmortem (incident #465)");
        assertThat(pm.summary()).startsWith("Shakespeare Search down for 66 minutes");
        assertThat(pm.impact()).contains("1.21B queries lost");
        assertThat(pm.whatHappened()).contains("Cascading failure", "Latent bug triggered");
        assertThat(pm.whyResponseFailed()).contains("sacrificial cluster");
        assertThat(pm.whyDetectionFailed()).contains("Borgmon detected");
        assertThat(pm.whatWeChange()).contains("### What went well", "Mary Poppins");
        assertThat(pm.startedAt()).isEqualTo(Instant.parse("2015-10-21T14:51:00Z"));
        assertThat(pm.detectedAt()).isEqualTo(Instant.parse("2015-10-21T15:02:00Z"));
        assertThat(pm.resolvedAt()).isEqualTo(Instant.parse("2015-10-21T15:55:00Z"));
        assertThat(pm.timeline()).hasSize(5);
        assertThat(draft.mapping()).extracting(ImportDraft.Mapping::field).contains("whatHappened", "timeline",
                "actionItems", "whatWeChange", "whyDetectionFailed", "whyResponseFailed");
        assertThat(draft.unmapped()).isEmpty();
    }

    @Test
    void theFirstThreeActionItemsAreRankedAndTheRestAreConsidered() {
        ImportDraft draft = MarkdownImporter.read(GOOGLE_SRE, NOW);

        assertThat(draft.actionItems()).extracting(ActionItemRequest::priority).containsExactly(1, 2, 3);
        assertThat(draft.actionItems().get(0).title()).startsWith("Update playbook");
        assertThat(draft.actionItems().get(0).owner()).isEqualTo("jennifer");
        assertThat(draft.actionItems().get(0).kind()).isEqualTo(ActionItemKind.RESPONSE);
        String fourth = "Investigate running index MR/fusion continuously (owner: jennifer)";
        assertThat(draft.considered()).containsExactly(fourth);
        assertThat(draft.postmortem().considered()).contains(fourth);
    }

    @Test
    void aListItemNamesItsOwnerAndDueDate() {
        ImportDraft draft = MarkdownImporter.read("""
                # Queue stalled
                Date: 2024-02-10 09:00 UTC

                ## Follow-ups
                - [ ] Alert on queue age @alice due 2024-03-01
                - Rewrite the consumer (owner: bob), by 2024-04-15
                - Document the restart
                """, NOW);

        assertThat(draft.actionItems()).extracting(ActionItemRequest::owner).containsExactly("alice", "bob", null);
        assertThat(draft.actionItems()).extracting(ActionItemRequest::dueDate)
                .containsExactly(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-04-15"), null);
        assertThat(draft.actionItems().get(0).title()).isEqualTo("Alert on queue age");
        assertThat(draft.actionItems().get(0).kind()).isEqualTo(ActionItemKind.DETECTION);
        assertThat(draft.actionItems().get(1).title()).isEqualTo("Rewrite the consumer");
    }

    @Test
    void durationsGiveDetectionAndResolution() {
        ImportDraft draft = MarkdownImporter.read("""
                # Payments timeout
                - Started: 2024-05-02T08:00:00+02:00
                - Severity: Sev 1
                - Time to detection: 2 hours
                - Time to recovery: 3 hours 20 minutes
                """, NOW);

        assertThat(draft.postmortem().startedAt()).isEqualTo(Instant.parse("2024-05-02T06:00:00Z"));
        assertThat(draft.postmortem().detectedAt()).isEqualTo(Instant.parse("2024-05-02T08:00:00Z"));
        assertThat(draft.postmortem().resolvedAt()).isEqualTo(Instant.parse("2024-05-02T09:20:00Z"));
        assertThat(draft.postmortem().severity()).isEqualTo(Severity.SEV1);
        assertThat(draft.refusals()).isEmpty();
    }

    @Test
    void headingsThatMapToNothingAreKeptUnderTheirOwnTitleInWhatHappened() {
        ImportDraft draft = MarkdownImporter.read("""
                # DNS outage
                Date: 2024-01-03 10:00 UTC

                ## Customer communication
                We posted on the status page at 10:20.
                """, NOW);

        assertThat(draft.unmapped()).containsExactly("Customer communication");
        assertThat(draft.postmortem().whatHappened())
                .isEqualTo("### Customer communication\n\nWe posted on the status page at 10:20.");
    }

    @Test
    void aDocumentWithoutHeadingsTakesItsFirstLineAsTitleAndTheRestAsSummary() {
        ImportDraft draft = MarkdownImporter.read("Cache stampede on Monday\r\nDate: 2024-06-03 07:15 UTC\r\n"
                + "The cache expired at once and the database fell over.\r\n", NOW);

        assertThat(draft.postmortem().title()).isEqualTo("Cache stampede on Monday");
        assertThat(draft.postmortem().summary()).isEqualTo("The cache expired at once and the database fell over.");
        assertThat(draft.postmortem().startedAt()).isEqualTo(Instant.parse("2024-06-03T07:15:00Z"));
        assertThat(draft.warnings()).anyMatch(warning -> warning.contains("first line is the title"));
    }

    @Test
    void aTimeWithoutAZoneIsUtcWithAWarning() {
        ImportDraft draft = MarkdownImporter.read("# Disk full\nStarted: 2024-07-01 22:40\n", NOW);

        assertThat(draft.postmortem().startedAt()).isEqualTo(Instant.parse("2024-07-01T22:40:00Z"));
        assertThat(draft.warnings()).contains("Times written without a zone were read as UTC.");
    }

    @Test
    void aTimelineWithTimesButNoDatesFallsOnTheIncidentDayAndRollsOverMidnight() {
        ImportDraft draft = MarkdownImporter.read("""
                # Batch overran
                Date: 2024-08-09 23:30 UTC

                ## Timeline
                - 23:30 batch started late
                - **23:55** alert fired
                - 00:40 batch finished, resolved
                """, NOW);

        assertThat(draft.postmortem().timeline()).extracting(PostMortemRequest.TimelineLine::at).containsExactly(
                Instant.parse("2024-08-09T23:30:00Z"), Instant.parse("2024-08-09T23:55:00Z"),
                Instant.parse("2024-08-10T00:40:00Z"));
        assertThat(draft.postmortem().detectedAt()).isEqualTo(Instant.parse("2024-08-09T23:55:00Z"));
        assertThat(draft.postmortem().resolvedAt()).isEqualTo(Instant.parse("2024-08-10T00:40:00Z"));
    }

    @Test
    void aTypoedYearIsRefusedNotGuessed() {
        ImportDraft draft = MarkdownImporter.read("# Login outage\nDate: 2204-03-01 10:00 UTC\n", NOW);

        assertThat(draft.refusals()).extracting("field").containsExactly("startedAt");
        assertThat(draft.warnings()).anyMatch(warning -> warning.startsWith("startedAt is 2204-03-01"));
    }

    @Test
    void aDurationThatCannotBeTrueIsNotReadAndSaysSo() {
        ImportDraft draft = MarkdownImporter.read("# Login outage\nDate: 2024-03-01 10:00 UTC\n"
                + "Time to resolve: 4000 days\n", NOW);

        assertThat(draft.postmortem().resolvedAt()).isNull();
        assertThat(draft.warnings()).contains("Could not read a duration in '4000 days' (or it is longer than ten "
                + "years); write it as 3 hours 20 minutes.");
    }

    @Test
    void aSecondFactLineThatSaysOtherwiseIsNamedInAWarning() {
        ImportDraft draft = MarkdownImporter.read("# Login outage\nDate: 2024-03-01 10:00 UTC\nSeverity: SEV2\n\n"
                + "## Details\n\nSeverity: SEV1\nSeverity: SEV2\n", NOW);

        assertThat(draft.postmortem().severity()).isEqualTo(Severity.SEV2);
        assertThat(draft.warnings()).containsOnlyOnce(
                "A second severity line, 'SEV1', was not read: the first, 'SEV2', was.");
        assertThat(draft.warnings()).noneMatch(warning -> warning.contains("'SEV2', was not read"));
    }

    @Test
    void htmlCommentsAreLeftOutOfTheSectionsWithAWarning() {
        ImportDraft draft = MarkdownImporter.read("""
                # Template leftovers
                Date: 2024-02-01 10:00 UTC
                ## Impact
                <!-- Describe who was affected. -->
                Search was slow for everyone.
                """, NOW);

        assertThat(draft.postmortem().impact()).isEqualTo("Search was slow for everyone.");
        assertThat(draft.warnings()).anyMatch(warning -> warning.startsWith("HTML comments"));
    }

    @Test
    void aHeadingInsideACodeBlockIsText() {
        ImportDraft draft = MarkdownImporter.read("""
                # Bad deploy
                Date: 2024-02-01 10:00 UTC
                ## What happened
                ```
                # not a heading: a shell comment
                ```
                """, NOW);

        assertThat(draft.postmortem().whatHappened()).contains("# not a heading");
        assertThat(draft.unmapped()).isEmpty();
    }

    @Test
    void theDetectionSourceOfDebriefsOwnExportIsRead() {
        ImportDraft draft = MarkdownImporter.read("""
                # Checkout returned 500s

                - **Status:** PUBLISHED, published 2026-01-06 09:00 UTC
                - **Severity:** SEV2
                - **Services:** checkout, payments
                - **Impact started:** 2026-01-05 10:00 UTC
                - **Detected:** 2026-01-05 10:15 UTC (CUSTOMER), time to detect 15 min
                - **Resolved:** 2026-01-05 10:50 UTC, time to resolve 50 min
                """, NOW);

        assertThat(draft.postmortem().detectionSource()).isEqualTo(DetectionSource.CUSTOMER);
        assertThat(draft.postmortem().services()).containsExactly("checkout", "payments");
        assertThat(draft.postmortem().detectedAt()).isEqualTo(Instant.parse("2026-01-05T10:15:00Z"));
        assertThat(draft.warnings()).anyMatch(warning -> warning.contains("imported as a draft"));
    }

    @Test
    void aKnownTeamAndTheTagsDebriefCanKeepAreRead() {
        ImportDraft draft = MarkdownImporter.read("""
                # Resolver timeouts
                - **Date:** 2024-05-02 08:00 UTC
                - **Team:** Payments
                - **Tags:** DNS, resolver, dns
                """, NOW, new KnownNames(team -> team.equals("Payments"), name -> Optional.empty()));

        assertThat(draft.postmortem().team()).isEqualTo("Payments");
        assertThat(draft.postmortem().tags()).containsExactly("dns", "resolver");
        assertThat(draft.warnings()).noneMatch(w -> w.contains("team") || w.contains("tag"));
    }

    @Test
    void anUnknownTeamAndATagDebriefCannotKeepAreLeftOutWithAWarning() {
        ImportDraft draft = MarkdownImporter.read("""
                # Resolver timeouts
                Date: 2024-05-02 08:00 UTC
                Team: Platform
                Labels: dns, !!urgent
                """, NOW, KnownNames.NONE);

        assertThat(draft.postmortem().team()).isNull();
        assertThat(draft.postmortem().tags()).containsExactly("dns");
        assertThat(draft.warnings()).anyMatch(w -> w.contains("'Platform' is not one of Debrief's teams"))
                .anyMatch(w -> w.contains("'!!urgent' is not one Debrief keeps"));
    }

    @Test
    void theFactorsTheInstanceKnowsAreReadWithTheirNotesAndTheRestStaysAsText() {
        Map<String, NamedView> factors = Map.of(
                "capacity", new NamedView(3L, "Capacity", NOW, NOW, 0),
                "missing or noisy alerting", new NamedView(5L, "Missing or noisy alerting", NOW, NOW, 0));
        KnownNames known = new KnownNames(team -> false,
                name -> Optional.ofNullable(factors.get(name.toLowerCase(Locale.ROOT))));

        ImportDraft draft = MarkdownImporter.read("""
                # Disk full on the primary
                Date: 2024-05-02 08:00 UTC

                ## Contributing factors
                The team had no dashboard for disk growth.

                - capacity: the disk grew 4% a day
                - **Missing or noisy alerting:** nothing alerted below 100%
                - Capacity: named twice
                - Vendor outage: the cloud's, not ours
                """, NOW, known);

        assertThat(draft.postmortem().factors()).extracting(PostMortemRequest.FactorLine::factorId,
                PostMortemRequest.FactorLine::factor, PostMortemRequest.FactorLine::note).containsExactly(
                        tuple(3L, "Capacity", "the disk grew 4% a day"),
                        tuple(5L, "Missing or noisy alerting", "nothing alerted below 100%"));
        assertThat(draft.postmortem().whatHappened()).isEqualTo("""
                ### Contributing factors

                The team had no dashboard for disk growth.

                - Capacity: named twice
                - Vendor outage: the cloud's, not ours""");
        assertThat(draft.mapping()).contains(new ImportDraft.Mapping("Contributing factors", "factors"));
        assertThat(draft.warnings()).anyMatch(w -> w.startsWith("1 contributing factor(s) are not among Debrief's")
                && w.endsWith("Vendor outage: the cloud's, not ours"));
    }

    @Test
    void withoutKnownFactorsTheContributingFactorsAreKeptAsText() {
        ImportDraft draft = MarkdownImporter.read("""
                # Disk full on the primary
                Date: 2024-05-02 08:00 UTC

                ## Contributing factors
                - Capacity: the disk grew 4% a day
                """, NOW);

        assertThat(draft.postmortem().factors()).isEmpty();
        assertThat(draft.postmortem().whatHappened()).isEqualTo(
                "### Contributing factors\n\n- Capacity: the disk grew 4% a day");
    }

    @Test
    void factorsBeyondTheMostAPostMortemListsAreKeptAsText() {
        KnownNames known = new KnownNames(team -> false, name -> name.matches("F\\d+")
                ? Optional.of(new NamedView(Long.parseLong(name.substring(1)), name, NOW, NOW, 0)) : Optional.empty());
        StringBuilder document = new StringBuilder("# Many causes\nDate: 2024-05-02 08:00 UTC\n## Factors\n");
        for (int i = 1; i <= MAX_FACTORS + 5; i++) {
            document.append("- F").append(i).append('\n');
        }

        ImportDraft draft = MarkdownImporter.read(document.toString(), NOW, known);

        assertThat(draft.postmortem().factors()).hasSize(MAX_FACTORS);
        assertThat(draft.postmortem().whatHappened()).startsWith("### Factors\n\n- F21\n");
        assertThat(draft.warnings()).anyMatch(w -> w.startsWith("More than 20 contributing factors"));
    }

    @Test
    void aFactorWhoseNameHoldsAColonOrAnEscapedMarkIsReadAsExportedAndAWrappedNoteStaysWhole() {
        KnownNames known = knowing("Flaky DNS", "Flaky DNS: resolver", "*nix hosts", "Capacity");

        ImportDraft draft = MarkdownImporter.read("""
                # Resolver failures
                Date: 2024-05-02 08:00 UTC

                ## Contributing factors
                - Flaky DNS: resolver: it dropped 2% of queries
                - \\*nix hosts: old kernels \\(4\\.19\\)
                - Capacity: the pool
                  was too small
                """, NOW, known);

        assertThat(draft.postmortem().factors()).extracting(PostMortemRequest.FactorLine::factor,
                PostMortemRequest.FactorLine::note).containsExactly(
                        tuple("Flaky DNS: resolver", "it dropped 2% of queries"),
                        tuple("*nix hosts", "old kernels (4.19)"),
                        tuple("Capacity", "the pool was too small"));
        assertThat(draft.postmortem().whatHappened()).isNull();
        assertThat(draft.warnings()).noneMatch(w -> w.contains("contributing factor"));
    }

    @Test
    void aNoteTooLongForAFactorIsKeptAsTextAndAnItemOfManyColonsIsNotTriedAtEachOne() {
        List<String> triedNames = new ArrayList<>();
        KnownNames known = new KnownNames(team -> false, name -> {
            triedNames.add(name);
            return knowing("Capacity").factor().apply(name);
        });
        String longNote = "x".repeat(2001);
        String colons = "a" + ":".repeat(20_000);

        ImportDraft draft = MarkdownImporter.read("# Disk full\nDate: 2024-05-02 08:00 UTC\n## Contributing factors\n"
                + "- Capacity: " + longNote + "\n- " + colons + "\n", NOW, known);

        assertThat(draft.postmortem().factors()).isEmpty();
        assertThat(draft.postmortem().whatHappened()).contains("- Capacity: " + longNote, "- " + colons);
        assertThat(draft.warnings()).anyMatch(w -> w.startsWith("The note of Capacity is longer than 2000 characters"));
        assertThat(triedNames).hasSizeLessThan(500);
    }

    @Test
    void aFactorNamedAgainAfterTheMostIsARepeatNotOneTooMany() {
        StringBuilder document = new StringBuilder("# Many causes\nDate: 2024-05-02 08:00 UTC\n## Factors\n");
        for (int i = 1; i <= MAX_FACTORS; i++) {
            document.append("- F").append(i).append('\n');
        }
        document.append("- F1: again\n");

        ImportDraft draft = MarkdownImporter.read(document.toString(), NOW, knowing(
                IntStream.rangeClosed(1, MAX_FACTORS).mapToObj(i -> "F" + i).toArray(String[]::new)));

        assertThat(draft.postmortem().factors()).hasSize(MAX_FACTORS);
        assertThat(draft.postmortem().whatHappened()).isEqualTo("### Factors\n\n- F1: again");
        assertThat(draft.warnings()).noneMatch(w -> w.startsWith("More than"));
    }

    /** An instance whose factors are {@code names}, numbered from 1 in that order. */
    private static KnownNames knowing(String... names) {
        Map<String, NamedView> factors = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            factors.put(names[i].toLowerCase(Locale.ROOT), new NamedView(i + 1L, names[i], NOW, NOW, 0));
        }
        return new KnownNames(team -> false, name -> Optional.ofNullable(factors.get(name.toLowerCase(Locale.ROOT))));
    }

    /**
     * Lines that made the reading patterns backtrack for minutes or hours (found in review): each is read in one
     * pass, as text. The timeout only keeps a regression from hanging the build.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void linesBuiltToMakeThePatternsBacktrackAreReadAsText() {
        String spaces = " ".repeat(20_000);
        String document = "# Disk full\nDate: 2024-05-02 08:00 UTC\n"
                + "Notes:" + spaces + "\n"
                + "Severity" + spaces + "x\n"
                + "| Severity |" + spaces + "x\n"
                + "|" + "-".repeat(20_000) + "x\n"
                + "Time to detect: " + "9".repeat(40_000) + " minutes\n"
                + "## a" + spaces + "x\n"
                + "<!--".repeat(40_000) + "\n"
                + "## " + "(".repeat(40_000) + "\n"
                + "## Action items\n"
                + "- owner" + spaces + "!\n"
                + "- by" + spaces + "!\n"
                + "- a" + ",".repeat(40_000) + "b\n";

        ImportDraft draft = MarkdownImporter.read(document, NOW);

        assertThat(draft.postmortem().title()).isEqualTo("Disk full");
        assertThat(draft.postmortem().detectedAt()).isNull();
        assertThat(draft.actionItems()).extracting(ActionItemRequest::title)
                .containsExactly("owner !", "by !", "a" + ",".repeat(199));
        assertThat(draft.postmortem().whatWeChange()).contains("a" + ",".repeat(40_000) + "b");
        assertThat(draft.postmortem().whatHappened()).contains("<!--".repeat(40_000), "(".repeat(40_000));

        String manyLines = "no heading\n" + "a line\n".repeat(100_000);
        assertThat(MarkdownImporter.read(manyLines, NOW).postmortem().summary()).hasSize(100_000 * 7 - 1);
    }

    @Test
    void aDurationOfMoreThanTenYearsIsNotATimeToDetect() {
        ImportDraft draft = MarkdownImporter.read("""
                # Disk full
                Date: 2024-05-02 08:00 UTC
                Time to detect: 999999999 days
                Time to resolve: 3 hours
                """, NOW);

        assertThat(draft.postmortem().detectedAt()).isNull();
        assertThat(draft.postmortem().resolvedAt()).isEqualTo(Instant.parse("2024-05-02T11:00:00Z"));
    }

    @Test
    void textUnderTheActionItemsThatIsNoItemAndTheDetailsOfFurtherItemsAreKept() {
        ImportDraft draft = MarkdownImporter.read("""
                # Disk full
                Date: 2024-05-02 08:00 UTC

                ## Action items
                We agreed these with finance.

                - Add a disk growth alert @alice due 2024-06-01
                  (the 80% threshold)
                - Write the runbook @bob
                - Resize the volume @carol
                - Move logs to object storage @dave due 2024-07-01
                """, NOW);

        assertThat(draft.actionItems()).hasSize(3);
        assertThat(draft.considered()).containsExactly("Move logs to object storage (owner: dave) (due 2024-07-01)");
        assertThat(draft.postmortem().whatWeChange())
                .isEqualTo("### Action items\n\nWe agreed these with finance.\n  (the 80% threshold)");
        assertThat(draft.warnings()).anyMatch(w -> w.startsWith("The text under 'Action items' that is not an"));
    }

    @Test
    void aTimelineEntryLongerThanALineIsCutAndKeptInFullInWhatHappened() {
        String event = "the disk filled " + "x".repeat(2_500);

        ImportDraft draft = MarkdownImporter.read("# Disk full\nDate: 2024-05-02 08:00 UTC\n## Timeline\n"
                + "- 2024-05-02 08:05 UTC " + event + "\n", NOW);

        assertThat(draft.postmortem().timeline()).extracting(line -> line.event().length()).containsExactly(2_000);
        assertThat(draft.postmortem().whatHappened()).contains(event);
        assertThat(draft.warnings()).anyMatch(w -> w.endsWith("is cut, and kept in full in What happened."))
                .noneMatch(w -> w.contains("no time that could be read"));
    }

    @Test
    void subHeadingsRulesAndBoldLabelsAmongTheActionItemsAreNotKeptAsText() {
        ImportDraft draft = MarkdownImporter.read("""
                # Disk full
                Date: 2024-05-02 08:00 UTC

                ## Action items
                ### Short term
                - Add a disk growth alert @alice
                ---
                **Long term:**
                - Resize the volume @carol
                """, NOW);

        assertThat(draft.actionItems()).extracting(ActionItemRequest::title)
                .containsExactly("Add a disk growth alert", "Resize the volume");
        assertThat(draft.postmortem().whatWeChange()).isNull();
        assertThat(draft.warnings()).noneMatch(w -> w.contains("that is not an action item"));
    }

    @Test
    void aHeadingLongOnlyByItsParenthesisStillNamesItsField() {
        ImportDraft draft = MarkdownImporter.read("# Disk full\nDate: 2024-05-02 08:00 UTC\n## Timeline (all times UTC; "
                + "x".repeat(250) + ")\n- 2024-05-02 08:05 UTC the disk filled\n", NOW);

        assertThat(draft.postmortem().timeline()).extracting(PostMortemRequest.TimelineLine::event)
                .containsExactly("the disk filled");
    }
}
