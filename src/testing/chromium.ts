/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser): headless, no
 * sandbox (CI runs as root), no GPU, no QUIC, no first-run, background networking, component
 * updates or sync, and a fresh profile directory each time — so the only requests are the page's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { IN_CI, which } from './tools.js';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** /usr/bin/chromium (Debian), or whatever `chromium` is on PATH. */
export function chromiumPath(): string | undefined {
  return which('chromium') ?? which('chromium-browser');
}

export function skipUnlessChromium(): string | false {
  if (chromiumPath() || IN_CI) return false;
  const reason = 'chromium not installed — install it (apt-get install chromium) to run this test';
  process.stderr.write(`# SKIP: ${reason}\n`);
  return reason;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(`chromium required${IN_CI ? ' in CI (CI=true): .ci/run must install chromium' : ''}`);
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'honban-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 120_000,
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
