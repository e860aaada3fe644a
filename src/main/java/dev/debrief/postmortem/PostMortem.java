package dev.debrief.postmortem;

import dev.debrief.common.ConflictException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.StaleVersionException;
import dev.debrief.common.UnprocessableException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The aggregate root: one significant incident and the team's write-up of it, with its ranked action
 * items. Every rule of the post-mortem (three items, one per rank; what publishing needs; time order;
 * what may be deleted) is enforced here; the schema backs the same rules with constraints.
 */
@Entity
@Table(name = "postmortem")
public class PostMortem extends PanacheEntityBase {

    public static final int MAX_ACTION_ITEMS = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "postmortem_seq")
    @SequenceGenerator(name = "postmortem_seq", sequenceName = "postmortem_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 8)
    private Severity severity;

    @ElementCollection
    @CollectionTable(name = "postmortem_service", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false, length = 100)
    private List<String> services = new ArrayList<>();

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
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 16)
    private DetectionSource detectionSource;

    /** Null when no section is written: Hibernate loads an embeddable whose columns are all null as null. */
    @Embedded
    private WrittenSections written;

    @ElementCollection
    @CollectionTable(name = "timeline_entry", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    private List<TimelineEntry> timeline = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "considered_idea", joinColumns = @JoinColumn(name = "postmortem_id"))
    @OrderColumn(name = "position")
    @Column(name = "idea", nullable = false, length = 2000)
    private List<String> considered = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private PostMortemStatus status;

    private Instant publishedAt;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "postMortem", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("priority")
    private List<ActionItem> actionItems = new ArrayList<>();

    protected PostMortem() {
    }

    /** Starts a draft from what the team knows so far. */
    public static PostMortem draft(IncidentDocument document, Instant now, Duration tolerance) {
        PostMortem postMortem = new PostMortem();
        postMortem.status = PostMortemStatus.DRAFT;
        postMortem.createdAt = now;
        postMortem.write(document, now, tolerance);
        return postMortem;
    }

    /** Replaces the document. A published post-mortem stays publishable: it cannot lose a required part. */
    public void revise(IncidentDocument document, Instant now, Duration tolerance) {
        if (isPublished()) {
            List<FieldError> missing = document.missingForPublication();
            if (!missing.isEmpty()) {
                throw new UnprocessableException("This post-mortem is published, so it must keep every part that "
                        + "publishing requires: " + fieldsOf(missing) + ".", missing);
            }
        }
        write(document, now, tolerance);
    }

    private void write(IncidentDocument document, Instant now, Duration tolerance) {
        List<FieldError> errors = document.timeErrors(now, tolerance);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        if (publishedAt != null && publishedAt.isBefore(document.startedAt())) {
            throw InvalidFieldsException.of("startedAt", "must not be after publishedAt (" + publishedAt + ")");
        }
        for (ActionItem item : actionItems) {
            if (item.getCompletedAt() != null && item.getCompletedAt().isBefore(document.startedAt())) {
                throw InvalidFieldsException.of("startedAt", "must not be after the completion of action item "
                        + item.getPriority() + " (" + item.getCompletedAt() + ")");
            }
        }
        title = document.title().strip();
        severity = document.severity();
        services.clear();
        services.addAll(document.services());
        attendees.clear();
        attendees.addAll(document.attendees());
        startedAt = micros(document.startedAt());
        detectedAt = micros(document.detectedAt());
        resolvedAt = micros(document.resolvedAt());
        timeToDetectMicros = detectedAt == null ? null : ChronoUnit.MICROS.between(startedAt, detectedAt);
        timeToResolveMicros = resolvedAt == null ? null : ChronoUnit.MICROS.between(startedAt, resolvedAt);
        detectionSource = document.detectionSource();
        if (written == null) {
            written = new WrittenSections();
        }
        written.write(document.sections());
        timeline.clear();
        document.timeline().stream()
                .sorted(Comparator.comparing(IncidentDocument.Timeline::at))
                .forEach(entry -> timeline.add(new TimelineEntry(entry.at(), entry.event().strip())));
        considered.clear();
        considered.addAll(document.considered());
        updatedAt = now;
    }

    /** Rule 7: a write based on an older version is refused before anything changes. */
    public void requireVersion(long sent) {
        if (sent != version) {
            throw new StaleVersionException("post-mortem", sent, version);
        }
    }

    /** Rule 1: at most three items, each rank 1–3 once. */
    public ActionItem addActionItem(ActionItemDraft draft, Instant now) {
        if (actionItems.size() >= MAX_ACTION_ITEMS) {
            throw new ConflictException("A post-mortem has at most three action items, ranked 1 to 3 by impact, "
                    + "and this one already has three. Change or drop one of them, or record the idea under "
                    + "'considered'.");
        }
        requireRankFree(draft.priority(), null);
        ActionItem item = new ActionItem(this, now);
        item.apply(draft, now, startedAt, isPublished());
        item.rank(draft.priority());
        actionItems.add(item);
        return item;
    }

    public ActionItem reviseActionItem(long itemId, ActionItemDraft draft, long sentVersion, Instant now) {
        ActionItem item = actionItem(itemId);
        if (sentVersion != item.getVersion()) {
            throw new StaleVersionException("action item", sentVersion, item.getVersion());
        }
        Integer priority = draft.priority() == null ? item.getPriority() : draft.priority();
        requireRankFree(priority, item);
        item.apply(draft, now, startedAt, isPublished());
        item.rank(priority);
        return item;
    }

    /** Rule 5: a published post-mortem keeps its items; they end DONE or DROPPED instead. */
    public void removeActionItem(long itemId) {
        ActionItem item = actionItem(itemId);
        if (isPublished()) {
            throw new ConflictException("This post-mortem is published, so its action items are kept: set the item "
                    + "to DONE or DROPPED (with a reason) instead of deleting it.");
        }
        actionItems.remove(item);
    }

    /**
     * Rule 2: gives ranks 1, 2, 3 to the items in the order listed, all at once. Ranks are unique in the
     * schema, so the old ranks are cleared and flushed before the new ones are written.
     */
    public void reorder(List<Long> order, Runnable flush) {
        Set<Long> current = new HashSet<>();
        actionItems.forEach(item -> current.add(item.getId()));
        if (order == null || order.size() != current.size() || !current.equals(new HashSet<>(order))) {
            throw InvalidFieldsException.of("order", "must list each of this post-mortem's " + current.size()
                    + " action item ids exactly once, most impactful first; it has " + current);
        }
        actionItems.forEach(item -> item.rank(null));
        flush.run();
        for (int i = 0; i < order.size(); i++) {
            actionItem(order.get(i)).rank(i + 1);
        }
        actionItems.sort(Comparator.comparing(ActionItem::getPriority));
    }

    /** Rule 3: publishing needs every part at once; the refusal lists them all. */
    public void publish(Instant when, Instant now) {
        if (isPublished()) {
            throw new ConflictException("This post-mortem was already published at " + publishedAt + ".");
        }
        List<FieldError> missing = missingForPublication();
        if (!missing.isEmpty()) {
            throw new UnprocessableException("This post-mortem cannot be published yet; still missing: "
                    + fieldsOf(missing) + ".", missing);
        }
        Instant at = when == null ? now : when;
        if (at.isAfter(now)) {
            throw InvalidFieldsException.of("publishedAt", "must not be in the future");
        }
        if (at.isBefore(startedAt)) {
            throw InvalidFieldsException.of("publishedAt", "must not be before the incident started (" + startedAt + ")");
        }
        status = PostMortemStatus.PUBLISHED;
        publishedAt = at;
        updatedAt = now;
    }

    /** Everything publishing still needs, in agenda order; empty when the post-mortem is ready. */
    public List<FieldError> missingForPublication() {
        List<FieldError> missing = new ArrayList<>(document().missingForPublication());
        if (actionItems.size() != MAX_ACTION_ITEMS) {
            missing.add(new FieldError("actionItems", "exactly three action items, ranked 1 to 3, are required to "
                    + "publish; there " + (actionItems.size() == 1 ? "is 1" : "are " + actionItems.size())));
        }
        for (ActionItem item : actionItems) {
            if (!item.readyForPublication()) {
                missing.add(new FieldError("actionItems[" + (item.getPriority() - 1) + "]",
                        "action item ranked " + item.getPriority() + " needs an owner and a due date to publish"));
            }
        }
        return missing;
    }

    /** Rule 5: drafts may be thrown away; a published post-mortem is the team's record. */
    public void requireDeletable() {
        if (isPublished()) {
            throw new ConflictException("A published post-mortem cannot be deleted: it is the team's record of the "
                    + "incident.");
        }
    }

    public ActionItem actionItem(long itemId) {
        return findActionItem(itemId).orElseThrow(() -> new NotFoundException("action item in post-mortem " + id, itemId));
    }

    public Optional<ActionItem> findActionItem(long itemId) {
        return actionItems.stream().filter(item -> item.getId() != null && item.getId() == itemId).findFirst();
    }

    private void requireRankFree(Integer priority, ActionItem except) {
        if (priority == null || priority < 1 || priority > MAX_ACTION_ITEMS) {
            throw InvalidFieldsException.of("priority", "must be 1, 2 or 3");
        }
        for (ActionItem other : actionItems) {
            if (other != except && priority.equals(other.getPriority())) {
                throw new ConflictException("Rank " + priority + " is already taken by '" + other.getTitle()
                        + "'. Each rank 1 to 3 is used once; reorder the items to change ranks.");
            }
        }
    }

    /** Times are kept to the microsecond, as both databases store them, so the derived durations match them. */
    private static Instant micros(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    private static String fieldsOf(List<FieldError> errors) {
        return String.join(", ", errors.stream().map(FieldError::field).toList());
    }

    public IncidentDocument document() {
        return IncidentDocument.builder().title(title).severity(severity).services(services).attendees(attendees)
                .startedAt(startedAt).detectedAt(detectedAt).resolvedAt(resolvedAt).detectionSource(detectionSource)
                .sections(written == null ? SectionTexts.none() : written.texts())
                .timeline(timeline.stream().map(e -> new IncidentDocument.Timeline(e.at(), e.event())).toList())
                .considered(considered).build();
    }

    public boolean isPublished() {
        return status == PostMortemStatus.PUBLISHED;
    }

    public Long timeToDetectMinutes() {
        return detectedAt == null ? null : Duration.between(startedAt, detectedAt).toMinutes();
    }

    public Long timeToResolveMinutes() {
        return resolvedAt == null ? null : Duration.between(startedAt, resolvedAt).toMinutes();
    }

    /** When the write-up is due: {@code window} (48 hours by default) after resolution; null while unresolved. */
    public Instant writeUpDueAt(Duration window) {
        return resolvedAt == null ? null : resolvedAt.plus(window);
    }

    public boolean isWriteUpOverdue(Instant now, Duration window) {
        Instant due = writeUpDueAt(window);
        return !isPublished() && due != null && now.isAfter(due);
    }

    public boolean isPublishedLate(Duration window) {
        Instant due = writeUpDueAt(window);
        return isPublished() && due != null && publishedAt.isAfter(due);
    }

    public Long getId() {
        return id;
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

    public List<TimelineEntry> getTimeline() {
        return List.copyOf(timeline);
    }

    public List<String> getConsidered() {
        return List.copyOf(considered);
    }

    public PostMortemStatus getStatus() {
        return status;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<ActionItem> getActionItems() {
        return List.copyOf(actionItems);
    }
}
