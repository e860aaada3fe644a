package dev.debrief.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws the report's charts as standalone SVG, server-side: each has a title, axis labels, a legend and a
 * text alternative ({@code <title>} and {@code <desc>}, referenced by {@code aria-labelledby}).
 */
final class SvgCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 56;
    private static final int TICKS = 4;
    /** One per series, at most five; each at least 3:1 against the white chart (WCAG 2.1 SC 1.4.11). */
    private static final String[] COLOURS = {"#a12626", "#c06a1b", "#2456a6", "#6b7a8f", "#1f7a3d"};

    private SvgCharts() {
    }

    /** Bars stacked from the first series up, one bar per label. */
    static String stackedBars(String id, String title, String yLabel, List<String> labels,
            Map<String, long[]> series) {
        double max = 1;
        for (int i = 0; i < labels.size(); i++) {
            long sum = 0;
            for (long[] values : series.values()) {
                sum += values[i];
            }
            max = Math.max(max, sum);
        }
        Frame frame = new Frame(id, title, yLabel, labels, countMax(max), describe(labels, series));
        double slot = frame.plotWidth() / labels.size();
        double barWidth = Math.max(2, slot * 0.6);
        for (int i = 0; i < labels.size(); i++) {
            double base = 0;
            int colour = 0;
            for (Map.Entry<String, long[]> entry : series.entrySet()) {
                long value = entry.getValue()[i];
                if (value > 0) {
                    double y0 = frame.y(base);
                    double y1 = frame.y(base + value);
                    frame.svg.append(String.format(Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                            LEFT + slot * i + (slot - barWidth) / 2, y1, barWidth, y0 - y1, COLOURS[colour],
                            escape(labels.get(i)), escape(entry.getKey()), value));
                }
                base += value;
                colour++;
            }
        }
        frame.legend(new ArrayList<>(series.keySet()));
        return frame.close();
    }

    /** Bars side by side, one group per label. */
    static String groupedBars(String id, String title, String yLabel, List<String> labels,
            Map<String, long[]> series) {
        double max = 1;
        for (long[] values : series.values()) {
            for (long v : values) {
                max = Math.max(max, v);
            }
        }
        Frame frame = new Frame(id, title, yLabel, labels, countMax(max), describe(labels, series));
        double slot = frame.plotWidth() / labels.size();
        double barWidth = Math.max(2, slot * 0.7 / series.size());
        for (int i = 0; i < labels.size(); i++) {
            int s = 0;
            for (Map.Entry<String, long[]> entry : series.entrySet()) {
                long value = entry.getValue()[i];
                double y = frame.y(value);
                frame.svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        LEFT + slot * i + slot * 0.15 + barWidth * s, y, barWidth, frame.y(0) - y, COLOURS[s + 2],
                        escape(labels.get(i)), escape(entry.getKey()), value));
                s++;
            }
        }
        frame.legend(new ArrayList<>(series.keySet()), 2);
        return frame.close();
    }

    /** Lines with a dot per defined value; months without a value leave a gap. */
    static String lines(String id, String title, String yLabel, List<String> labels, Map<String, Double[]> series) {
        double max = 1;
        for (Double[] values : series.values()) {
            for (Double v : values) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        Map<String, String> text = new LinkedHashMap<>();
        series.forEach((name, values) -> {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < labels.size(); i++) {
                line.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ')
                        .append(values[i] == null ? "no data" : String.format(Locale.ROOT, "%.1f", values[i]));
            }
            text.put(name, line.toString());
        });
        StringBuilder desc = new StringBuilder();
        text.forEach((name, line) -> desc.append(name).append(": ").append(line).append(". "));
        Frame frame = new Frame(id, title, yLabel, labels, niceMax(max), desc.toString().strip());
        double slot = frame.plotWidth() / labels.size();
        int s = 0;
        for (Map.Entry<String, Double[]> entry : series.entrySet()) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < labels.size(); i++) {
                Double v = entry.getValue()[i];
                if (v == null) {
                    pen = false;
                    continue;
                }
                double x = LEFT + slot * i + slot / 2;
                path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", pen ? "L" : "M", x, frame.y(v)));
                frame.svg.append(String.format(Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %.1f min</title></circle>",
                        x, frame.y(v), COLOURS[s * 2], escape(labels.get(i)), escape(entry.getKey()), v));
                pen = true;
            }
            if (!path.isEmpty()) {
                frame.svg.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"")
                        .append(COLOURS[s * 2]).append("\" stroke-width=\"2\"/>");
            }
            s++;
        }
        List<String> names = new ArrayList<>(series.keySet());
        frame.legend(names, 0, 2);
        return frame.close();
    }

    private static String describe(List<String> labels, Map<String, long[]> series) {
        StringBuilder desc = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            desc.append(labels.get(i)).append(": ");
            int s = 0;
            for (Map.Entry<String, long[]> entry : series.entrySet()) {
                desc.append(s++ == 0 ? "" : ", ").append(entry.getKey()).append(' ').append(entry.getValue()[i]);
            }
            desc.append(". ");
        }
        return desc.toString().strip();
    }

    private static double niceMax(double max) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /**
     * The top of an axis of counts: {@value #TICKS} times a whole step (1, 2, 3 or 5; then 1, 2, 2.5 or 5 times
     * a power of ten), so that every tick is a whole number.
     */
    static long countMax(double max) {
        double quarter = Math.max(1, max) / TICKS;
        for (long magnitude = 1; ; magnitude *= 10) {
            long[] steps = magnitude == 1 ? new long[] {1, 2, 3, 5}
                    : new long[] {magnitude, 2 * magnitude, 25 * magnitude / 10, 5 * magnitude};
            for (long step : steps) {
                if (step >= quarter) {
                    return step * TICKS;
                }
            }
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Axes, grid, labels and the accessible name of one chart. */
    private static final class Frame {

        final StringBuilder svg = new StringBuilder();
        final double max;

        Frame(String id, String title, String yLabel, List<String> labels, double max, String desc) {
            this.max = max;
            svg.append(String.format(Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
                            + " aria-labelledby=\"%s-title %s-desc\" class=\"chart\" data-testid=\"%s\">",
                    WIDTH, HEIGHT, WIDTH, HEIGHT, id, id, id));
            svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
            svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#1d2430\">%s</text>",
                    LEFT, escape(title)));
            for (int t = 0; t <= TICKS; t++) {
                double value = max * t / TICKS;
                double y = y(value);
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d9dee5\"/>"
                                + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6472\">%s</text>",
                        LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4,
                        value == Math.rint(value) ? String.valueOf((long) value)
                                : String.format(Locale.ROOT, "%.1f", value)));
            }
            double slot = plotWidth() / labels.size();
            int every = Math.max(1, (int) Math.ceil(labels.size() / 13.0));
            for (int i = 0; i < labels.size(); i += every) {
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#5b6472\">%s</text>",
                        LEFT + slot * i + slot / 2, HEIGHT - BOTTOM + 16, escape(labels.get(i))));
            }
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2430\">Month</text>",
                    LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - BOTTOM + 34));
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2430\""
                            + " transform=\"rotate(-90 14 %d)\">%s</text>",
                    TOP + plotHeight() / 2, TOP + plotHeight() / 2, escape(yLabel)));
        }

        double plotWidth() {
            return WIDTH - LEFT - RIGHT;
        }

        int plotHeight() {
            return HEIGHT - TOP - BOTTOM;
        }

        double y(double value) {
            return TOP + plotHeight() - value / max * plotHeight();
        }

        void legend(List<String> names) {
            legend(names, 0, 1);
        }

        void legend(List<String> names, int firstColour) {
            legend(names, firstColour, 1);
        }

        void legend(List<String> names, int firstColour, int colourStep) {
            double x = LEFT;
            for (int i = 0; i < names.size(); i++) {
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                                + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#1d2430\">%s</text>",
                        x, HEIGHT - 14, COLOURS[firstColour + i * colourStep], x + 14, HEIGHT - 5,
                        escape(names.get(i))));
                x += 24 + names.get(i).length() * 6.5;
            }
        }

        String close() {
            return svg.append("</svg>").toString();
        }
    }
}
