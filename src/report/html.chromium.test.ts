/**
 * The HTML report in a real headless Chromium: it renders, the DOM holds the verdict and every
 * checklist item, a hostile file name stays text, no console error, no request beyond the file
 * itself, and it prints (PDF). The report is made by the real CLI from the leaky example.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { Report } from '../contracts/types.js';
import { launchChromium, skipUnlessChromium, type Browser } from '../testing/chromium.js';
import { honban, REPO } from '../testing/cli.js';

const skip = skipUnlessChromium();
const HOSTILE = `"><img src=x onerror="window.__pwned=1">`;
const work = mkdtempSync(path.join(tmpdir(), 'honban-html-'));
let browser: Browser | undefined;
let files: { en: string; ja: string; items: string[] } | undefined;

before(async () => {
  if (skip) return;
  const dir = path.join(work, 'app');
  cpSync(path.join(REPO, 'examples', 'flask-leaky'), dir, { recursive: true });
  rmSync(path.join(dir, '.honban'), { recursive: true, force: true });
  // A directory whose name is markup: its findings carry it as their file name.
  mkdirSync(path.join(dir, HOSTILE));
  writeFileSync(path.join(dir, HOSTILE, 'Dockerfile'), 'FROM python:latest\nCMD ["python", "app.py"]\n');
  assert.equal(honban(['check', dir, '--quiet']).code, 1);
  const en = path.join(work, 'report.en.html');
  const ja = path.join(work, 'report.ja.html');
  assert.equal(honban(['check', dir, '--format', 'html', '--output', en]).code, 1);
  assert.equal(honban(['check', dir, '--format', 'html', '--lang', 'ja', '--output', ja, '--no-history']).code, 1);
  const json = honban(['check', dir, '--format', 'json', '--no-history']);
  const report = JSON.parse(json.stdout) as Report;
  files = { en, ja, items: report.readiness!.items.map((i) => i.id) };
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function open(file: string) {
  const page = await browser!.context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Anything but the report file itself would be a request the report must never make.
  await page.route('**/*', (route) => (route.request().url() === pathToFileURL(file).href ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, problems };
}

test('html in Chromium: renders the verdict and every checklist item, no console error, no network request', { skip }, async () => {
  const { page, requests, problems } = await open(files!.en);
  try {
    assert.equal(await page.getAttribute('[data-verdict]', 'data-verdict'), 'not-ready');
    assert.match((await page.textContent('#verdict h1'))!, /Go-live verdict: NOT READY/);
    const items = await page.$$eval('tr[data-item]', (rows) => rows.map((r) => (r as HTMLElement).dataset.item));
    assert.deepEqual([...items].sort(), [...files!.items].sort());
    const banner = await page.locator('#verdict').boundingBox();
    assert.ok(banner && banner.y === 0 && banner.height > 60, 'the banner is on top');
    const chart = await page.locator('#trend svg').boundingBox();
    assert.ok(chart && chart.width > 300 && chart.height > 100, 'the trend chart is drawn');
    assert.equal(await page.locator('#trend svg g[data-run]').count(), 2, 'one bar per stored run');
    assert.ok((await page.locator('#findings tr[data-finding]').count()) > 40);
    // The hostile name is text in the page, never an element.
    const headings = await page.$$eval('#findings h4', (hs) => hs.map((h) => h.textContent));
    assert.ok(headings.includes(`${HOSTILE}/Dockerfile`), 'the file name is shown as it is');
    assert.equal(await page.evaluate(() => document.images.length + document.scripts.length), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [pathToFileURL(files!.en).href]);
    // Printed: the page lays out for paper without fetching anything.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 20_000, `a real PDF (${pdf.length} bytes)`);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(requests, [pathToFileURL(files!.en).href]);
  } finally {
    await page.close();
  }
});

test('html in Chromium: the Japanese report renders the same way', { skip }, async () => {
  const { page, requests, problems } = await open(files!.ja);
  try {
    assert.equal(await page.getAttribute('html', 'lang'), 'ja');
    assert.match((await page.textContent('#verdict h1'))!, /本番移行の判定: 本番不可/);
    assert.equal(await page.locator('tr[data-item]').count(), files!.items.length);
    assert.match((await page.textContent('#checklist'))!, /ロールバック計画の作成と予行演習/);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [pathToFileURL(files!.ja).href]);
    assert.ok(readFileSync(files!.ja, 'utf8').length > 10_000);
  } finally {
    await page.close();
  }
});
