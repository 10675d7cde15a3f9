/** Text for SVG/HTML: the five characters that could open markup are escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Series {
  readonly labels: readonly string[];
  readonly values: readonly number[];
}

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 120;
const BOTTOM = 40;
const TOP = 12;
const COLOR = '#2f6fb0';

const short = (value: number) =>
  Number.isInteger(value) ? value.toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 2 });

/** Horizontal bars, one per label, scaled to the largest value: readable in any mail client or browser. */
export function barChartSvg({ labels, values }: Series, title: string): string {
  const rowHeight = 22;
  const height = TOP + rowHeight * labels.length + 10;
  const max = Math.max(1, ...values);
  const plot = WIDTH - LEFT - 70;
  const bars = labels.map((label, i) => {
    const value = values[i] ?? 0;
    const y = TOP + i * rowHeight;
    const width = Math.max(1, Math.round((plot * value) / max));
    return (
      `<text x="${LEFT - 6}" y="${y + 15}" text-anchor="end">${escapeXml(label)}</text>` +
      `<rect x="${LEFT}" y="${y + 3}" width="${width}" height="${rowHeight - 6}" fill="${COLOR}"/>` +
      `<text x="${LEFT + width + 4}" y="${y + 15}">${short(value)}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">${bars.join('')}</svg>`;
}

/** A line over the labels in order (days), with the first and last label on the axis. */
export function lineChartSvg({ labels, values }: Series, title: string): string {
  const max = Math.max(1, ...values);
  const plotWidth = WIDTH - LEFT - 20;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (labels.length <= 1 ? plotWidth / 2 : (plotWidth * i) / (labels.length - 1));
  const y = (value: number) => TOP + plotHeight - (plotHeight * value) / max;
  const points = values.map((value, i) => `${x(i).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const dots = values.map(
    (value, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" fill="${COLOR}"/>`,
  );
  const axis =
    `<line x1="${LEFT}" y1="${TOP + plotHeight}" x2="${LEFT + plotWidth}" y2="${TOP + plotHeight}" stroke="#999"/>` +
    `<text x="${LEFT - 6}" y="${TOP + 10}" text-anchor="end">${short(max)}</text>` +
    `<text x="${LEFT - 6}" y="${TOP + plotHeight}" text-anchor="end">0</text>` +
    (labels.length > 0
      ? `<text x="${LEFT}" y="${HEIGHT - 18}">${escapeXml(labels[0] ?? '')}</text>` +
        `<text x="${LEFT + plotWidth}" y="${HEIGHT - 18}" text-anchor="end">${escapeXml(labels.at(-1) ?? '')}</text>`
      : '');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">${axis}<polyline points="${points}" fill="none" stroke="${COLOR}" stroke-width="2"/>${dots.join('')}</svg>`;
}
