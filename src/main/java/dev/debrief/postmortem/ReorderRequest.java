package dev.debrief.postmortem;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** New ranking of a post-mortem's items: their ids, most impactful first. */
public record ReorderRequest(@NotNull List<@NotNull Long> order) {
}
