// Dashboard charts (issue 7): every <canvas data-chart="{...}"> is drawn with Chart.js from the JSON the server wrote
// (analytics.web.ChartData); clicking a bar or point opens the list of records behind it. No inline script (CSP).
(function () {
    'use strict';
    if (typeof Chart === 'undefined') {
        return;
    }
    var palette = ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#dc3545', '#20c997', '#ffc107', '#6c757d', '#0dcaf0', '#d63384'];
    var lang = document.documentElement.lang || 'en';

    function formatter(format) {
        if (format === 'percent') {
            var percent = new Intl.NumberFormat(lang, {style: 'percent', maximumFractionDigits: 1});
            return function (v) { return v === null || v === undefined ? '—' : percent.format(v); };
        }
        if (format === 'money') {
            // yuan as ¥ in both languages, as the tables write them
            var money = new Intl.NumberFormat('zh-CN', {style: 'currency', currency: 'CNY', maximumFractionDigits: 0});
            return function (v) { return v === null || v === undefined ? '—' : money.format(v); };
        }
        var number = new Intl.NumberFormat(lang, {maximumFractionDigits: 1});
        return function (v) { return v === null || v === undefined ? '—' : number.format(v); };
    }

    function draw(canvas) {
        var spec;
        try {
            spec = JSON.parse(canvas.getAttribute('data-chart'));
        } catch (e) {
            return;
        }
        var format = formatter(spec.format);
        var hasY2 = false;
        var datasets = spec.series.map(function (s, i) {
            var color = palette[i % palette.length];
            if (s.axis === 'y2') {
                hasY2 = true;
            }
            var ds = {
                label: s.label,
                data: s.data,
                backgroundColor: spec.type === 'line' && !s.type ? color : color + 'cc',
                borderColor: color,
                borderWidth: spec.type === 'line' || s.type === 'line' ? 2 : 1,
                spanGaps: true,
                yAxisID: spec.horizontal ? undefined : (s.axis === 'y2' ? 'y2' : 'y'),
                xAxisID: spec.horizontal ? 'x' : undefined
            };
            if (s.type) {
                ds.type = s.type;
            }
            if (spec.series.length === 1 && spec.type === 'bar') {
                ds.backgroundColor = spec.labels.map(function (_, j) { return palette[j % palette.length] + 'cc'; });
                ds.borderColor = spec.labels.map(function (_, j) { return palette[j % palette.length]; });
            }
            return ds;
        });
        var value = spec.horizontal ? 'x' : 'y';
        var scales = {};
        scales[value] = {beginAtZero: true, stacked: spec.stacked, ticks: {callback: function (v) { return format(v); }}};
        scales[spec.horizontal ? 'y' : 'x'] = {stacked: spec.stacked};
        if (hasY2) {
            scales.y2 = {position: 'right', grid: {drawOnChartArea: false}};
        }
        var links = spec.links || [];
        var chart = new Chart(canvas, {
            type: spec.type,
            data: {labels: spec.labels, datasets: datasets},
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined,
                indexAxis: spec.horizontal ? 'y' : 'x',
                scales: scales,
                plugins: {
                    legend: {display: spec.series.length > 1, position: 'bottom'},
                    tooltip: {callbacks: {label: function (ctx) {
                        var s = spec.series[ctx.datasetIndex];
                        var f = s.format ? formatter(s.format) : format;
                        return ctx.dataset.label + ': ' + f(ctx.raw);
                    }}}
                },
                onHover: function (event, elements) {
                    event.native.target.style.cursor = elements.length && links[elements[0].index] ? 'pointer' : 'default';
                },
                onClick: function (event, elements) {
                    if (elements.length && links[elements[0].index]) {
                        window.location.href = links[elements[0].index];
                    }
                }
            }
        });
        canvas.chart = chart;
    }

    // the page's charts, and those of cards htmx loads after it (htmx.onLoad also runs for the initial page)
    function drawIn(element) {
        element.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
            if (!canvas.chart) {
                draw(canvas);
            }
        });
    }
    if (typeof htmx !== 'undefined') {
        htmx.onLoad(drawIn);
    } else {
        drawIn(document);
    }
})();
