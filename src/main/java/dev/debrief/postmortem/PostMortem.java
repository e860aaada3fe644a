package dev.debrief.postmortem;

import dev.debrief.common.ConflictException;
import dev.debrief.common.FieldError;
import dev.debrief.common.InvalidFieldsException;
import dev.debrief.common.NotFoundException;
import dev.debrief.common.StaleVersionException;
import dev.debrief.common.UnprocessableException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hibernate.annotations.OptimisticLock;

/**
 * The aggregate root: one significant incident and the team's write-up of it, with its ranked action
 * items. Every rule of the post-mortem (three items, one per rank; what publishing needs; time order;
 * what may be deleted) is enforced here, the items' through {@link RankedItems}; the schema backs the same
 * rules with constraints. How the written document is stored is {@link StoredDocument}'s concern.
 */
@Entity
@EntityListeners(SearchIndexListener.class)
@Table(name = "postmortem")
@SequenceGenerator(sequenceName = "postmortem_seq")
public class PostMortem extends StoredDocument {

    public static final int MAX_ACTION_ITEMS = 3;

    /** Null when no section is written: Hibernate loads an embeddable whose columns are all null as null. */
    @Embedded
    private WrittenSections written;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PostMortemStatus status;

    private Instant publishedAt;

    /** Derived from the document, so rewriting them is no change of the post-mortem: its version stays. */
    @OptimisticLock(excluded = true)
    @Embedded
    private SearchWords searchWords = new SearchWords();

    @OneToMany(mappedBy = "postMortem", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("priority")
    private List<ActionItem> actionItems = new ArrayList<>();

    /** Links this post-mortem made to others; those others made to it are {@link #linksReceived}. */
    @OneToMany(mappedBy = "source", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PostMortemLink> linksMade = new ArrayList<>();

    /** Deleting a draft deletes the links others made to it as well. */
    @OneToMany(mappedBy = "target", cascade = CascadeType.REMOVE)
    private List<PostMortemLink> linksReceived = new ArrayList<>();

    protected PostMortem() {
    }

    /** Starts a draft from what the team knows so far. */
    public static PostMortem draft(IncidentDocument document, Instant now, Duration tolerance) {
        PostMortem postMortem = new PostMortem();
        postMortem.status = PostMortemStatus.DRAFT;
        postMortem.created(now);
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
        items().requireCompletedSince(document.startedAt());
        store(document);
        changed(now);
        indexForSearch();
    }

    /** Writes again the words a search finds this post-mortem by; every change of a text it reads calls it. */
    private void indexForSearch() {
        searchWords.index(getTitle(), Stream.concat(actionItems.stream().map(ActionItem::getTitle),
                Arrays.stream(Section.values()).map(sections()::get)));
    }

    /** Where the words searched for appear in the sections or the action items, as a line of the list shows it. */
    String excerpt(SearchTerms terms) {
        return terms.excerpt(Stream.concat(Arrays.stream(Section.values()).map(sections()::get),
                actionItems.stream().map(ActionItem::getTitle)));
    }

    @Override
    protected SectionTexts sections() {
        return written == null ? SectionTexts.none() : written.texts();
    }

    @Override
    protected void storeSections(SectionTexts sections) {
        if (written == null) {
            written = new WrittenSections();
        }
        written.write(sections);
    }

    /** Rule 7: a write based on an older version is refused before anything changes. */
    public void requireVersion(long sent) {
        if (sent != getVersion()) {
            throw new StaleVersionException("post-mortem", sent, getVersion());
        }
    }

    /** Rule 1: at most three items, each rank 1–3 once. */
    public ActionItem addActionItem(ActionItemDraft draft, Instant now) {
        ActionItem added = items().add(draft, now);
        indexForSearch();
        return added;
    }

    public ActionItem reviseActionItem(long itemId, ActionItemDraft draft, long sentVersion, Instant now) {
        ActionItem revised = items().revise(itemId, draft, sentVersion, now);
        indexForSearch();
        return revised;
    }

    /** Rule 5: a published post-mortem keeps its items; they end DONE or DROPPED instead. */
    public void removeActionItem(long itemId) {
        items().remove(itemId);
        indexForSearch();
    }

    /** Rule 2: gives ranks 1, 2, 3 to the items in the order listed, all at once. */
    public void reorder(List<Long> order, Runnable flush) {
        items().reorder(order, flush);
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
        if (when == null && now.isBefore(getStartedAt())) {
            // Times may lie up to the clock-skew tolerance ahead; a publication cannot come before the incident.
            throw new UnprocessableException("The incident starts at " + getStartedAt() + ", ahead of this server's "
                    + "clock: publish once it has started.", List.of(new FieldError("startedAt",
                            "is ahead of this server's clock: publish once the incident has started")));
        }
        Instant at = when == null ? now : when.truncatedTo(ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw InvalidFieldsException.of("publishedAt", "must not be in the future");
        }
        if (at.isBefore(getStartedAt())) {
            throw InvalidFieldsException.of("publishedAt", "must not be before the incident started (" + getStartedAt() + ")");
        }
        status = PostMortemStatus.PUBLISHED;
        publishedAt = at;
        changed(now);
    }

    /** Everything publishing still needs, in agenda order; empty when the post-mortem is ready. */
    public List<FieldError> missingForPublication() {
        List<FieldError> missing = new ArrayList<>(document().missingForPublication());
        missing.addAll(items().missingForPublication());
        return missing;
    }

    /** Rule 5: drafts may be thrown away; a published post-mortem is the team's record. */
    public void requireDeletable() {
        if (isPublished()) {
            throw new ConflictException("A published post-mortem cannot be deleted: it is the team's record of the "
                    + "incident.");
        }
    }

    /** Links this post-mortem to {@code other}; a pair is linked once, whichever way, and never to itself. */
    public void link(PostMortem other, LinkKind kind, Instant now) {
        if (other == this) {
            throw InvalidFieldsException.of("postmortemId", "must be another post-mortem than this one");
        }
        if (linkWith(other).isPresent()) {
            throw new ConflictException("Post-mortems " + getId() + " and " + other.getId() + " are already linked.");
        }
        PostMortemLink link = new PostMortemLink(this, other, kind, now);
        linksMade.add(link);
        other.linksReceived.add(link);
    }

    /** Removes the link between this post-mortem and {@code other}, whichever made it. */
    public LinkKind unlink(PostMortem other) {
        PostMortemLink link = linkWith(other).orElseThrow(() -> new NotFoundException("link to post-mortem",
                other.getId()));
        LinkKind kind = link.viewFrom(this).kind();
        linksMade.remove(link);
        linksReceived.remove(link);
        other.linksMade.remove(link);
        other.linksReceived.remove(link);
        return kind;
    }

    private Optional<PostMortemLink> linkWith(PostMortem other) {
        return Stream.concat(linksMade.stream(), linksReceived.stream()).filter(l -> l.joins(this, other))
                .findFirst();
    }

    /** The post-mortems linked to this one, whichever way, by id. */
    List<PostMortem> linked() {
        return Stream.concat(linksMade.stream(), linksReceived.stream()).map(l -> l.other(this)).toList();
    }

    public ActionItem actionItem(long itemId) {
        return items().get(itemId);
    }

    public Optional<ActionItem> findActionItem(long itemId) {
        return items().find(itemId);
    }

    private RankedItems items() {
        return new RankedItems(this, actionItems);
    }

    private static String fieldsOf(List<FieldError> errors) {
        return String.join(", ", errors.stream().map(FieldError::field).toList());
    }

    public boolean isPublished() {
        return status == PostMortemStatus.PUBLISHED;
    }

    /** When the write-up is due: {@code window} (48 hours by default) after resolution; null while unresolved. */
    public Instant writeUpDueAt(Duration window) {
        return getResolvedAt() == null ? null : getResolvedAt().plus(window);
    }

    public boolean isWriteUpOverdue(Instant now, Duration window) {
        return Timing.isOverdue(writeUpDueAt(window), isPublished(), now);
    }

    public boolean isPublishedLate(Duration window) {
        Instant due = writeUpDueAt(window);
        return isPublished() && due != null && publishedAt.isAfter(due);
    }

    /** The post-mortem as the API and its page show it, its clock read at {@code now}. */
    PostMortemView view(Instant now, Duration window) {
        return new PostMortemView(getId(), document(), status, publishedAt, getCreatedAt(), getUpdatedAt(),
                getVersion(), Timing.of(this, now, window), actionItems.stream().map(ActionItemView::of).toList(),
                Stream.concat(linksMade.stream(), linksReceived.stream()).map(l -> l.viewFrom(this))
                        .sorted(Comparator.comparing(LinkView::postmortemId)).toList());
    }

    /** The post-mortem as its row in a list shows it: the facts and the clock, without the document's text. */
    PostMortemSummary summary(Instant now, Duration window) {
        return new PostMortemSummary(getId(), getTitle(), getSeverity(), getTeamName(), getServices(), getTags(),
                getStartedAt(), getDetectedAt(), getResolvedAt(), getDetectionSource(), status, publishedAt,
                getUpdatedAt(), getVersion(), Timing.of(this, now, window), actionItems.size());
    }
}
