import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinesisSender } from '../src/cli/kinesis-sender';
import { createEventGenerator, runTraffic } from '../src/generator';
import { LocalCloud } from '../src/runtime/local-cloud';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const CHROMIUM = process.env.SLUICE_CHROMIUM ?? '/usr/bin/chromium';
const EVENTS = 2000;
const SCREENSHOT = join(repoRoot, 'artifacts', 'dashboard.png');

/**
 * The browser globals the in-page probes use. This file is compiled for Node, without the DOM's types, and
 * the page's Content-Security-Policy forbids evaluating strings, so probes are functions over globalThis.
 */
interface InPage {
  document: {
    querySelectorAll(selector: string): ArrayLike<{ dataset: Record<string, string | undefined> }>;
    getElementById(id: string): {
      dataset: Record<string, string | undefined>;
      textContent: string | null;
      className: string;
    };
  };
  Chart: { getChart(canvas: unknown): { data: { datasets: { data: number[] }[] } } | undefined };
}

let cloud: LocalCloud;
let browser: BrowserContext;
let page: Page;
let userDataDir: string;

beforeAll(async () => {
  // A missing browser fails the test: skipping would let CI pass without ever opening the dashboard.
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with ` +
        '`apt-get update && apt-get install -y --no-install-recommends chromium` (sudo if not root; ' +
        '.ci/run does this), or point SLUICE_CHROMIUM at a Chromium binary.',
    );
  }
  cloud = await LocalCloud.start({
    repoRoot,
    dataDir: mkdtempSync(join(tmpdir(), 'sluice-dashboard-')),
    ports: { gateway: 0, kinesis: 0, s3: 0, eventBridge: 0 },
    log: () => {},
  });
  const traffic = await runTraffic({
    generator: createEventGenerator({
      seed: 7,
      malformedShare: 0.02,
      duplicateShare: 0.01,
      startDate: new Date(Date.now() - 2 * 86_400_000),
    }),
    total: EVENTS,
    send: kinesisSender(cloud.endpoints.kinesis, cloud.streamName()),
  });
  expect(traffic.produced).toBe(EVENTS);
  await cloud.idle();

  userDataDir = mkdtempSync(join(tmpdir(), 'sluice-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await cloud?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('the dashboard in a browser, on the local cloud', () => {
  it('draws every panel with data from the warehouse and shows pipeline health', async () => {
    const failedRequests: string[] = [];
    page.on('requestfailed', (request) => failedRequests.push(request.url()));
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${cloud.endpoints.gateway}/`);
    await page.waitForFunction(
      () =>
        Array.from((globalThis as unknown as InPage).document.querySelectorAll('[data-panel]')).every(
          (section) => Number(section.dataset.rows) > 0,
        ),
      undefined,
      { timeout: 30_000 },
    );
    // Chart.js is served by the reporting function itself; each canvas must hold a chart with points.
    const drawn = await page.evaluate(() => {
      const { document, Chart } = globalThis as unknown as InPage;
      return Array.from(document.querySelectorAll('[data-panel] canvas')).map(
        (canvas) => (Chart.getChart(canvas)?.data.datasets[0]?.data ?? []).filter((value) => value > 0).length,
      );
    });
    expect(drawn).toHaveLength(5);
    for (const points of drawn) expect(points).toBeGreaterThan(0);
    await expect.poll(() => page.textContent('#quarantine-rate')).toMatch(/^\d+\.\d\d %$/);
    expect(await page.textContent('#loaded-rows')).not.toBe('–');
    expect(failedRequests).toEqual([]);
  });

  it('answers a question with a chart, a table and the SQL used', async () => {
    await page.fill('#question', 'top 5 sessions by check-ins in Europe');
    await page.press('#question', 'Enter');
    await page.waitForFunction(
      () => Number((globalThis as unknown as InPage).document.getElementById('answer').dataset.rows) > 0,
      undefined,
      { timeout: 15_000 },
    );
    expect(await page.textContent('#answer-sql')).toMatch(/FROM session_checked_in AS f JOIN/);
    const tableRows = await page.locator('#answer-table tbody tr').count();
    expect(tableRows).toBeGreaterThan(0);
    expect(tableRows).toBeLessThanOrEqual(5);
    expect(await page.textContent('#understood')).toContain('check ins, by session, region Europe, top 5');
    mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('tells what can be asked when a word cannot be placed', async () => {
    await page.fill('#question', 'attendees by horoscope');
    await page.press('#question', 'Enter');
    await page.waitForSelector('#answer-error:not([hidden])');
    const text = await page.textContent('#answer-error');
    expect(text).toContain('"horoscope"');
    expect(text).toContain('show me attendees by country');
  });

  it('runs read-only SQL on the lake and refuses a file read', async () => {
    await page.goto(`${cloud.endpoints.gateway}/sql`);
    await page.click('button[type=submit]');
    await page.waitForFunction(() =>
      /\d+ rows/.test((globalThis as unknown as InPage).document.getElementById('sql-status').textContent ?? ''),
    );
    expect(await page.locator('#sql-result tbody tr').count()).toBeGreaterThan(0);
    await page.fill('#sql', "SELECT * FROM read_csv('/etc/passwd')");
    await page.click('button[type=submit]');
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).document.getElementById('sql-status').className === 'error',
    );
    expect(await page.textContent('#sql-status')).toMatch(/read_csv is not allowed/);
  });
});
