import { PAGE_STYLE, RENDER_TABLE_SCRIPT } from './page-style';

/** The ad-hoc SQL page: one read-only query on the lake (Athena; sandboxed DuckDB locally). */
export function sqlPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sluice — SQL on the lake</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>SQL on the lake</h1>
<nav><a href="./">Dashboard</a><a href="sql">SQL on the lake</a></nav>
<p class="muted">One read-only SELECT or WITH query over the catalog's tables (attendee_registered,
session_checked_in, feedback_submitted). No comments, files, settings or extensions; at most 1000 rows
and 20 seconds.</p>
<form id="sql-form">
  <textarea id="sql" rows="6">SELECT country, count(*) AS attendees FROM attendee_registered GROUP BY country ORDER BY attendees DESC LIMIT 10</textarea>
  <button type="submit">Run</button>
</form>
<p id="sql-status" class="muted"></p>
<table id="sql-result"></table>
<script>
${RENDER_TABLE_SCRIPT}
document.getElementById('sql-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const status = document.getElementById('sql-status');
  const table = document.getElementById('sql-result');
  status.className = 'muted';
  status.textContent = 'Running…';
  try {
    const response = await fetch('api/sql', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql: document.getElementById('sql').value }),
    });
    const body = await response.json();
    if (!response.ok) {
      table.replaceChildren();
      status.className = 'error';
      status.textContent = body.error;
      return;
    }
    renderTable(table, body.columns, body.rows);
    status.textContent = body.rows.length + ' rows' + (body.truncated ? ' (cut at the row limit)' : '');
  } catch (error) {
    status.className = 'error';
    status.textContent = String(error);
  }
});
</script>
</body>
</html>`;
}
