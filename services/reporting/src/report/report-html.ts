import type { PanelData } from '@sluice/core';
import { barChartSvg, escapeXml, lineChartSvg } from './svg-chart';

function tableHtml(columns: readonly string[], rows: PanelData['rows']): string {
  const head = columns.map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td>${escapeXml(String(row[c] ?? ''))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** One panel: its chart as inline SVG (no script, so it renders in mail clients and archives) and its table. */
function panelHtml({ panel, rows }: PanelData): string {
  const [valueColumn = ''] = panel.valueColumns;
  const series = {
    labels: rows.map((row) => String(row[panel.categoryColumn] ?? '')),
    values: rows.map((row) => Number(row[valueColumn] ?? 0)),
  };
  const chart =
    rows.length === 0
      ? '<p>No data yet.</p>'
      : panel.chart === 'line'
        ? lineChartSvg(series, panel.title)
        : barChartSvg(series, panel.title);
  return `<section><h2>${escapeXml(panel.title)}</h2>${chart}${tableHtml([panel.categoryColumn, ...panel.valueColumns], rows)}</section>`;
}

/** The daily report as one self-contained HTML file. */
export function reportHtml(date: string, panels: readonly PanelData[]): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sluice daily report ${escapeXml(date)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1b2733}section{margin-bottom:2rem}table{border-collapse:collapse}th,td{padding:.2rem .6rem;border-bottom:1px solid #dde3ea;text-align:left}</style>
</head>
<body>
<h1>Sluice daily report — ${escapeXml(date)}</h1>
${panels.map(panelHtml).join('\n')}
</body>
</html>
`;
}
