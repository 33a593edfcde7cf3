// Subscribers over time on a channel's page and on the list of channels (Chart.js from the webjar). The data come
// in the canvas's data-chart attribute (the page's CSP allows no inline script): dates already as dd.MM.yyyy, the
// counts shown in Russian format, and the Roskomnadzor warning's level drawn once the line comes near it.
(function () {
    'use strict';
    function draw(canvas) {
        if (typeof Chart === 'undefined') {
            return;
        }
        var data = JSON.parse(canvas.getAttribute('data-chart'));
        var russian = function (value) { return Number(value).toLocaleString('ru-RU'); };
        var datasets = [{
            label: data.label,
            data: data.values,
            borderColor: '#0d6efd',
            backgroundColor: 'rgba(13,110,253,.1)',
            fill: true,
            tension: 0.2,
            pointRadius: data.values.length > 60 ? 0 : 3
        }];
        var highest = Math.max.apply(null, data.values.concat([0]));
        if (highest >= data.warningAt * 0.8) {
            datasets.push({
                label: '9 000',
                data: data.values.map(function () { return data.warningAt; }),
                borderColor: '#dc3545',
                borderDash: [6, 4],
                pointRadius: 0,
                fill: false
            });
        }
        new Chart(canvas, {
            type: 'line',
            data: {labels: data.labels, datasets: datasets},
            options: {
                maintainAspectRatio: false,
                // Drawn at once: no motion for those who asked for less, and a screenshot shows the real line.
                animation: false,
                locale: 'ru-RU',
                scales: {y: {beginAtZero: true, ticks: {callback: russian}}},
                plugins: {tooltip: {callbacks: {label: function (item) {
                    return item.dataset.label + ': ' + russian(item.parsed.y);
                }}}}
            }
        });
        canvas.setAttribute('data-drawn', 'true');
    }
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('canvas[data-channel-chart]').forEach(draw);
    });
})();
