import { DASHBOARD_PANELS } from '@sluice/core';
import { PAGE_STYLE, RENDER_TABLE_SCRIPT } from './page-style';

/** Seconds between refreshes: the dashboard always shows the warehouse as it is (direct query, no copy). */
export const REFRESH_SECONDS = 10;

/**
 * The dashboard page: one Chart.js chart per panel (served from this function, no CDN), pipeline health
 * tiles, and a question box answered as chart + table + the SQL used. Panels and health refresh every
 * REFRESH_SECONDS. Each panel section carries `data-rows` (rows last drawn) for tests and monitors.
 */
export function dashboardPage(): string {
  const panels = DASHBOARD_PANELS.map(({ sql: _, ...panel }) => panel);
  const sections = panels
    .map(
      (panel) =>
        `<section data-panel="${panel.id}" data-rows="0"><h2>${panel.title}</h2><div class="chart"><canvas id="chart-${panel.id}"></canvas></div></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sluice — conference dashboard</title>
<style>${PAGE_STYLE}</style>
<script src="assets/chart.umd.min.js"></script>
</head>
<body>
<h1>Conference dashboard</h1>
<nav><a href="./">Dashboard</a><a href="sql">SQL on the lake</a></nav>
<p id="status" class="muted">Loading…</p>
<div class="tiles" id="health">
  <div class="tile">Quarantine rate<b id="quarantine-rate">–</b><span class="muted" id="quarantine-counts"></span></div>
  <div class="tile">Freshness<b id="freshness">–</b><span class="muted" id="newest-event"></span></div>
  <div class="tile">Rows in the warehouse<b id="loaded-rows">–</b></div>
</div>
<section id="ask" style="margin: 1rem 0">
  <h2>Ask a question</h2>
  <form id="ask-form"><input type="text" id="question" name="q" placeholder="e.g. top 5 sessions by check-ins in Europe" autocomplete="off"></form>
  <div id="answer" hidden>
    <p id="understood" class="muted"></p>
    <div class="chart" id="answer-chart-box"><canvas id="answer-chart"></canvas></div>
    <p id="answer-number" hidden></p>
    <table id="answer-table"></table>
    <pre id="answer-sql"></pre>
  </div>
  <div id="answer-error" class="error" hidden></div>
</section>
<div class="grid">
${sections}
</div>
<script>
const PANELS = ${JSON.stringify(panels)};
const COLORS = ['#2f6fb0', '#e07b39', '#3c9a5f', '#b03a48', '#7d5ba6', '#c2a83e', '#4aa3a2', '#8c8c8c'];
const charts = new Map();
${RENDER_TABLE_SCRIPT}

function chartConfig(kind, labels, datasets) {
  const doughnut = kind === 'doughnut';
  return {
    type: kind,
    data: {
      labels,
      datasets: datasets.map((d, i) => ({
        label: d.label, data: d.data,
        backgroundColor: doughnut ? COLORS : COLORS[i % COLORS.length],
        borderColor: doughnut ? '#fff' : COLORS[i % COLORS.length],
        yAxisID: i === 0 || doughnut ? 'y' : 'y1',
      })),
    },
    options: {
      animation: false, maintainAspectRatio: false,
      scales: doughnut ? {} : { y: { beginAtZero: true }, ...(datasets.length > 1 ? { y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } : {}) },
    },
  };
}

function draw(canvas, kind, labels, datasets) {
  const existing = Chart.getChart(canvas);
  if (existing && existing.config.type === kind) {
    existing.data.labels = labels;
    datasets.forEach((d, i) => { if (existing.data.datasets[i]) existing.data.datasets[i].data = d.data; });
    existing.update('none');
    return;
  }
  if (existing) existing.destroy();
  new Chart(canvas, chartConfig(kind, labels, datasets));
}

async function refreshPanel(panel) {
  const response = await fetch('api/' + panel.id);
  if (!response.ok) throw new Error(panel.id + ': HTTP ' + response.status);
  const { rows } = await response.json();
  const shown = panel.id === 'attendees-by-country' ? rows.slice(0, 15) : rows;
  draw(document.getElementById('chart-' + panel.id), panel.chart,
    shown.map((r) => String(r[panel.categoryColumn])),
    panel.valueColumns.map((c) => ({ label: c.replace('_', ' '), data: shown.map((r) => Number(r[c])) })));
  document.querySelector('[data-panel="' + panel.id + '"]').dataset.rows = String(shown.length);
}

function duration(seconds) {
  if (seconds === null) return 'no events yet';
  if (seconds < 90) return seconds + ' s';
  if (seconds < 5400) return Math.round(seconds / 60) + ' min';
  if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
  return Math.round(seconds / 86400) + ' days';
}

async function refreshHealth() {
  const response = await fetch('api/pipeline-health');
  if (!response.ok) throw new Error('pipeline-health: HTTP ' + response.status);
  const h = await response.json();
  document.getElementById('quarantine-rate').textContent = (100 * h.quarantineRate).toFixed(2) + ' %';
  document.getElementById('quarantine-counts').textContent = h.quarantinedRecords + ' quarantined';
  document.getElementById('freshness').textContent = duration(h.freshnessSeconds);
  document.getElementById('newest-event').textContent = h.newestEventAt ? 'newest event ' + h.newestEventAt : '';
  document.getElementById('loaded-rows').textContent = h.loadedRows.toLocaleString('en');
}

async function refresh() {
  const results = await Promise.allSettled([...PANELS.map(refreshPanel), refreshHealth()]);
  const failed = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
  const status = document.getElementById('status');
  status.textContent = failed.length ? 'Some panels failed: ' + failed.join('; ') : 'Updated ' + new Date().toLocaleTimeString() + ' (every ${REFRESH_SECONDS} s)';
  status.className = failed.length ? 'error' : 'muted';
}

async function ask(question) {
  const answer = document.getElementById('answer');
  const error = document.getElementById('answer-error');
  const response = await fetch('api/ask?q=' + encodeURIComponent(question));
  const body = await response.json();
  if (!body.ok) {
    answer.hidden = true;
    error.hidden = false;
    error.replaceChildren();
    const message = document.createElement('p');
    message.textContent = body.message || body.error;
    const list = document.createElement('ul');
    for (const line of body.canAsk || []) { const li = document.createElement('li'); li.textContent = line; list.append(li); }
    error.append(message, list);
    return;
  }
  error.hidden = true;
  answer.hidden = false;
  document.getElementById('understood').textContent = 'Understood: ' + body.understood;
  document.getElementById('answer-sql').textContent = body.sql;
  const columns = body.categoryColumn ? [body.categoryColumn, body.valueColumn] : [body.valueColumn];
  renderTable(document.getElementById('answer-table'), columns, body.rows);
  const number = document.getElementById('answer-number');
  const box = document.getElementById('answer-chart-box');
  if (body.chart === 'number') {
    box.hidden = true;
    number.hidden = false;
    number.textContent = body.valueColumn.replace('_', ' ') + ': ' + (body.rows[0] ? body.rows[0][body.valueColumn] : 0);
  } else {
    number.hidden = true;
    box.hidden = false;
    draw(document.getElementById('answer-chart'), body.chart,
      body.rows.map((r) => String(r[body.categoryColumn])),
      [{ label: body.valueColumn.replace('_', ' '), data: body.rows.map((r) => Number(r[body.valueColumn])) }]);
  }
  answer.dataset.rows = String(body.rows.length);
}

document.getElementById('ask-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const question = document.getElementById('question').value;
  ask(question).catch((e) => { const error = document.getElementById('answer-error'); error.hidden = false; error.textContent = String(e); });
});

refresh();
setInterval(refresh, ${REFRESH_SECONDS * 1000});
</script>
</body>
</html>`;
}
