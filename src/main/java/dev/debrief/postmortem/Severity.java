package dev.debrief.postmortem;

import java.util.Arrays;
import java.util.List;

import io.quarkus.qute.TemplateEnum;

/** How bad the incident was, SEV1 the worst. */
@TemplateEnum
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    /** SEV1 and SEV2 are major incidents: the report's days since the last one and its longest run without. */
    public boolean isMajor() {
        return this == SEV1 || this == SEV2;
    }

    /** The names of the major severities, to bind as a query parameter. */
    public static List<String> majorNames() {
        return Arrays.stream(values()).filter(Severity::isMajor).map(Severity::name).toList();
    }
}
