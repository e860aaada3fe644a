package dev.debrief.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns what the API shows of a thing into the text of each field, and two such snapshots into the fields that
 * differ. Working on the JSON shape means a field added to a view is audited without another list of fields.
 */
public final class Changes {

    private Changes() {
    }

    /**
     * Each field of {@code value} as the API writes it, as text: lists one element a line, a list of objects one
     * object a line (its values separated by spaces); empty text and empty lists count as no value.
     */
    public static Map<String, String> fieldsOf(ObjectMapper json, Object value, Set<String> leftOut) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode tree = json.valueToTree(value);
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            if (!leftOut.contains(field.getKey())) {
                fields.put(field.getKey(), text(field.getValue()));
            }
        }
        return fields;
    }

    /** The fields whose text differs between two snapshots, in the order they first appear. */
    public static List<Change> between(Map<String, String> before, Map<String, String> after) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            String from = before.get(name);
            String to = after.get(name);
            if (!Objects.equals(from, to)) {
                changes.add(new Change(name, from, to));
            }
        }
        return changes;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            String lines = StreamSupport.stream(node.spliterator(), false).map(Changes::line)
                    .collect(Collectors.joining("\n"));
            return lines.isEmpty() ? null : lines;
        }
        String text = line(node);
        return text.isEmpty() ? null : text;
    }

    private static String line(JsonNode node) {
        if (node.isObject()) {
            return StreamSupport.stream(node.spliterator(), false).filter(part -> !part.isNull())
                    .map(JsonNode::asText).collect(Collectors.joining(" "));
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
