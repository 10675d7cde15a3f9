/**
 * The dashboard page. It fetches its data from the API on load and every 5 seconds, so it always shows
 * the warehouse as it is (direct query, no copy).
 */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sluice — attendees</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b2733; }
  table { border-collapse: collapse; min-width: 20rem; }
  th, td { text-align: left; padding: .3rem .8rem; border-bottom: 1px solid #dde3ea; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  .bar { background: #2f6fb0; height: .8rem; display: inline-block; }
</style>
</head>
<body>
<h1>Attendees by country</h1>
<p id="status">Loading…</p>
<table id="attendees"><thead><tr><th>Country</th><th>Attendees</th><th></th></tr></thead><tbody></tbody></table>
<script>
async function refresh() {
  try {
    const response = await fetch('api/attendees-by-country');
    const { rows } = await response.json();
    const max = Math.max(1, ...rows.map((r) => r.attendees));
    document.querySelector('#attendees tbody').innerHTML = rows
      .map((r) => '<tr><td>' + r.country + '</td><td class="n">' + r.attendees + '</td><td><span class="bar" style="width:' + Math.round((200 * r.attendees) / max) + 'px"></span></td></tr>')
      .join('');
    document.getElementById('status').textContent = rows.reduce((s, r) => s + r.attendees, 0) + ' attendees, updated ' + new Date().toLocaleTimeString();
  } catch (error) {
    document.getElementById('status').textContent = 'Could not load data: ' + error;
  }
}
refresh();
setInterval(refresh, 5000);
</script>
</body>
</html>`;
}
