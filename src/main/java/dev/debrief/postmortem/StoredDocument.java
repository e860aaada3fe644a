package dev.debrief.postmortem;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OrderColumn;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.debrief.common.InvalidFieldsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Comparator;
import java.util.List;

/**
 * How a post-mortem stores its {@link IncidentDocument}: the columns and collections of what the team wrote,
 * and the durations derived from its times. It holds no rule: {@link PostMortem} decides whether a document may
 * be stored, then stores it here, whole.
 */
@MappedSuperclass
public abstract class StoredDocument extends Tracked {

    /** The longest tag (V16 stores tags in a column this wide). */
    public static final int MAX_TAG_LENGTH = 40;

    /** What a tag may be, as sent: letters, digits, spaces and {@code . _ / : + # -}, from a letter or a digit. */
    public static final String TAG_PATTERN = "\\s*[\\p{L}\\p{N}][\\p{L}\\p{N} ._/:+#-]*\\s*";

    /** The most tags a post-mortem has. */
    public static final int MAX_TAGS = 20;

    /** The most contributing factors a post-mortem lists. */
    public static final int MAX_FACTORS = 20;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Severity severity;

    @ElementCollection
    @CollectionTable(name = "postmortem_service", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = 100)
    private List<String> services = new ArrayList<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "team_id")
    private Team team;

    @ElementCollection
    @CollectionTable(name = "postmortem_tag", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag", nullable = false, length = MAX_TAG_LENGTH)
    private List<String> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "postmortem_factor", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    private List<ContributingFactor> factors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "attendee", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = 100)
    private List<String> attendees = new ArrayList<>();

    @Column(nullable = false)
    private Instant startedAt;

    private Instant detectedAt;

    private Instant resolvedAt;

    /** Derived from the times whenever they are set: what the monthly report sums (V7). */
    @Column(name = "time_to_detect_micros")
    private Long timeToDetectMicros;

    @Column(name = "time_to_resolve_micros")
    private Long timeToResolveMicros;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private DetectionSource detectionSource;

    @ElementCollection
    @CollectionTable(name = "timeline_entry", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "considered_idea", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    @Column(name = "idea", nullable = false, length = 2000)
    private List<String> considered = new ArrayList<>();

    /**
     * The written sections, which the entity keeps itself: Hibernate cannot enhance an embeddable declared in a
     * mapped superclass (HHH-13759).
     */
    protected abstract SectionTexts sections();

    protected abstract void storeSections(SectionTexts sections);

    /** Replaces the stored document with {@code document}, which the aggregate has accepted. */
    protected void store(IncidentDocument document) {
        title = document.title().strip();
        severity = document.severity();
        team = Team.named("team", document.team());
        services.clear();
        services.addAll(document.services());
        tags.clear();
        tags.addAll(document.tags());
        List<ContributingFactor> named = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < document.factors().size(); i++) {
            IncidentDocument.Factor factor = document.factors().get(i);
            String field = "factors[" + i + "].factorId";
            Factor known = Factor.withId(field, factor.factorId());
            if (!seen.add(known.getId())) {
                throw InvalidFieldsException.of(field, "lists the factor " + factor.factorId() + " again: name each "
                        + "factor once, with one note");
            }
            named.add(new ContributingFactor(known, factor.note()));
        }
        factors.clear();
        factors.addAll(named);
        attendees.clear();
        attendees.addAll(document.attendees());
        startedAt = micros(document.startedAt());
        detectedAt = micros(document.detectedAt());
        resolvedAt = micros(document.resolvedAt());
        timeToDetectMicros = detectedAt == null ? null : ChronoUnit.MICROS.between(startedAt, detectedAt);
        timeToResolveMicros = resolvedAt == null ? null : ChronoUnit.MICROS.between(startedAt, resolvedAt);
        detectionSource = document.detectionSource();
        storeSections(document.sections());
        timeline.clear();
        document.timeline().stream()
                .sorted(Comparator.comparing(IncidentDocument.Timeline::at))
                .forEach(entry -> timeline.add(new TimelineEntry(micros(entry.at()), entry.event().strip())));
        considered.clear();
        considered.addAll(document.considered());
    }

    public IncidentDocument document() {
        return IncidentDocument.builder().title(title).severity(severity).team(NamedEntry.nameOf(team)).services(services)
                .tags(tags).factors(factors.stream().map(ContributingFactor::toDocument).toList()).attendees(attendees)
                .startedAt(startedAt).detectedAt(detectedAt).resolvedAt(resolvedAt).detectionSource(detectionSource)
                .sections(sections())
                .timeline(timeline.stream().map(e -> new IncidentDocument.Timeline(e.at(), e.event())).toList())
                .considered(considered).build();
    }

    /** Times are kept to the microsecond, as both databases store them, so the derived durations match them. */
    private static Instant micros(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    public Long timeToDetectMinutes() {
        return detectedAt == null ? null : Duration.between(startedAt, detectedAt).toMinutes();
    }

    public Long timeToResolveMinutes() {
        return resolvedAt == null ? null : Duration.between(startedAt, resolvedAt).toMinutes();
    }

    public String getTitle() {
        return title;
    }

    public Severity getSeverity() {
        return severity;
    }

    public List<String> getServices() {
        return List.copyOf(services);
    }

    public List<String> getTags() {
        return List.copyOf(tags);
    }

    /** The owning team's name, or null. */
    public String getTeamName() {
        return NamedEntry.nameOf(team);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getDetectedAt() {
        return detectedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public DetectionSource getDetectionSource() {
        return detectionSource;
    }
}
