package com.kehu.crm.analytics.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a dashboard chart draws, written into the canvas's {@code data-chart} attribute as JSON and drawn by crm.js
 * with Chart.js (no inline script: the CSP forbids it). Clicking a bar or point opens {@code links[i]}, the list of
 * records behind it; every chart also has a table of the same figures with the same links beside it.
 *
 * @param type bar, line or doughnut
 * @param format how the values read in tooltips and on the axis: number, percent (0..1) or money
 * @param horizontal bars drawn across instead of up
 * @param stacked series stacked on each other
 */
record ChartData(
        String type,
        String format,
        boolean horizontal,
        boolean stacked,
        List<String> labels,
        List<Series> series,
        List<@Nullable String> links) {

    /**
     * One series of values; {@code axis} "y2" puts it on a second scale on the right (e.g. NPS beside the CSI), and
     * {@code type} overrides the chart's type for this series (a line over bars).
     */
    record Series(
            String label,
            List<@Nullable Number> data,
            String axis,
            @Nullable String type,
            @Nullable String format) {}

    static Builder of(String type, String format) {
        return new Builder(type, format);
    }

    static final class Builder {
        private final String type;
        private final String format;
        private boolean horizontal;
        private boolean stacked;
        private final List<String> labels = new ArrayList<>();
        private final List<@Nullable String> links = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();

        private Builder(String type, String format) {
            this.type = type;
            this.format = format;
        }

        Builder horizontal() {
            this.horizontal = true;
            return this;
        }

        Builder stacked() {
            this.stacked = true;
            return this;
        }

        Builder label(String label, @Nullable String link) {
            labels.add(label);
            links.add(link);
            return this;
        }

        Builder series(String label, List<@Nullable Number> data) {
            series.add(new Series(label, data, "y", null, null));
            return this;
        }

        Builder series(String label, List<@Nullable Number> data, String axis, @Nullable String type, String format) {
            series.add(new Series(label, data, axis, type, format));
            return this;
        }

        ChartData build() {
            return new ChartData(type, format, horizontal, stacked, labels, series, links);
        }
    }
}
