// `npm run report:example`: the HTML report of `honban check` on examples/flask-leaky, with a short
// history (three stored runs: as it is, then two findings fixed in a temporary copy) so the trend
// chart has something to show, and a screenshot of its top in real headless Chromium.
//
// Writes docs/images/check-report.png (linked from the README) and bench-out/check-report.html.
// Needs Debian's chromium (apt-get install chromium); never downloads a browser.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../dist/testing/chromium.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'honban.js');
const work = mkdtempSync(path.join(tmpdir(), 'honban-example-'));
const app = path.join(work, 'flask-leaky');
cpSync(path.join(ROOT, 'examples', 'flask-leaky'), app, { recursive: true });
rmSync(path.join(app, '.honban'), { recursive: true, force: true });

const honban = (...args) => {
  // Run inside the copy, under the example's name: the page shows no temporary path.
  const r = spawnSync(process.execPath, [BIN, ...args, '--project', 'examples/flask-leaky'], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status === 2) throw new Error(r.stderr);
  return r;
};
const edit = (file, from, to) => writeFileSync(path.join(app, file), readFileSync(path.join(app, file), 'utf8').replace(from, to));

honban('check', '.', '--quiet');
edit('Dockerfile', /^EXPOSE 5000$/m, 'USER app\nEXPOSE 5000');
honban('check', '.', '--quiet');
edit('docker-compose.yml', /^\s*- \/var\/run\/docker\.sock:\/var\/run\/docker\.sock\n/m, '');
const html = path.join(ROOT, 'bench-out', 'check-report.html');
mkdirSync(path.dirname(html), { recursive: true });
const last = honban('check', '.', '--format', 'html', '--output', html);
console.log(`verdict exit code ${last.status}; report: ${path.relative(process.cwd(), html)}`);

const png = path.join(ROOT, 'docs', 'images', 'check-report.png');
mkdirSync(path.dirname(png), { recursive: true });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1300 });
  await page.route('**/*', (route) => (route.request().url() === pathToFileURL(html).href ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  // The verdict, the checklist, waivers and the trend: the top of the page.
  const trend = await page.locator('#trend').boundingBox();
  const height = Math.min(1700, Math.ceil((trend?.y ?? 1200) + (trend?.height ?? 0) + 16));
  await page.screenshot({ path: png, fullPage: true, clip: { x: 0, y: 0, width: 1100, height } });
  console.log(`screenshot: ${path.relative(process.cwd(), png)} (${Math.round(statSync(png).size / 1024)} KiB, 1100×${height})`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
