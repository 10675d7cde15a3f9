/** The styles both pages share. */
export const PAGE_STYLE = `
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1b2733; background: #f6f8fa; }
  h1 { margin: 0 0 .3rem; font-size: 1.5rem; }
  nav a { margin-right: 1rem; }
  .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); gap: 1rem; }
  section { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .8rem 1rem; }
  section h2 { font-size: 1rem; margin: 0 0 .5rem; }
  .chart { position: relative; height: 16rem; }
  .tiles { display: flex; gap: 1rem; flex-wrap: wrap; }
  .tile { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: .6rem 1rem; min-width: 10rem; }
  .tile b { display: block; font-size: 1.4rem; }
  table { border-collapse: collapse; margin-top: .5rem; }
  th, td { text-align: left; padding: .25rem .7rem; border-bottom: 1px solid #dde3ea; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  pre { background: #eef2f6; padding: .6rem; white-space: pre-wrap; word-break: break-word; }
  input[type=text], textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; }
  .error { color: #a61b1b; }
  .muted { color: #5b6b7b; font-size: .9rem; }
`;

/** Client helper: fills a <table> from rows with textContent only (values are never parsed as HTML). */
export const RENDER_TABLE_SCRIPT = `
function renderTable(table, columns, rows) {
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const column of columns) { const th = document.createElement('th'); th.textContent = column; head.append(th); }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const td = tr.insertCell();
      const value = row[column];
      td.textContent = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (typeof value === 'number') td.className = 'n';
    }
  }
}`;
