package dev.debrief.common;

import java.util.List;

/**
 * The settings of one feature that would fail only at run time: each feature's rule says what is wrong, and
 * {@link LimitsCheck} refuses the start naming every setting found wrong, all at once.
 */
public interface SettingsRule {

    /** What is wrong, one line per setting naming its key; empty when all hold. */
    List<String> problems();
}
