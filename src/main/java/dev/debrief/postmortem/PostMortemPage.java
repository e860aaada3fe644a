package dev.debrief.postmortem;

import java.util.List;

/** One page of the post-mortem list; {@code page} counts from 0. */
public record PostMortemPage(List<PostMortemSummary> items, long total, int page, int size) {
}
