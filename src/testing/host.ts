/**
 * Test support: lays a fixture root (test/fixtures/host/NAME) out in a temporary directory and
 * applies what git cannot store (NAME.manifest.json): modes, owners (when running as root),
 * empty directories, and file ages relative to the test's date.
 */
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rootView, type CommandResult, type HostView } from '../commands/host/view.js';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/host');
export const IS_ROOT = process.getuid?.() === 0;

interface Entry {
  mode: string;
  owner?: [number, number];
  ageHours?: number;
  content?: string;
}

export function materialize(name: string, now: Date): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), `honban-host-${name}-`));
  cpSync(path.join(FIXTURES, name), root, { recursive: true, verbatimSymlinks: true });
  const manifest = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.manifest.json`), 'utf8')) as { dirs?: Record<string, Entry>; files?: Record<string, Entry> };
  for (const [p, e] of Object.entries(manifest.dirs ?? {})) {
    const abs = path.join(root, p);
    mkdirSync(abs, { recursive: true });
    chmodSync(abs, parseInt(e.mode, 8));
    if (e.owner && IS_ROOT) chownSync(abs, e.owner[0], e.owner[1]);
  }
  for (const [p, e] of Object.entries(manifest.files ?? {})) {
    const abs = path.join(root, p);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (e.content !== undefined) writeFileSync(abs, e.content);
    chmodSync(abs, parseInt(e.mode, 8));
    if (e.owner && IS_ROOT) chownSync(abs, e.owner[0], e.owner[1]);
    if (e.ageHours !== undefined) {
      const t = new Date(now.getTime() - e.ageHours * 3_600_000);
      utimesSync(abs, t, t);
    }
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A small root written by a test: file contents, or `{ link }` for a symbolic link. */
export function tree(files: Record<string, string | Buffer | { link: string }>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'honban-host-tree-'));
  for (const [p, c] of Object.entries(files)) {
    const abs = path.join(root, p);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof c === 'string' || Buffer.isBuffer(c)) writeFileSync(abs, c);
    else symlinkSync(c.link, abs);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The root's files, as a live host whose commands answer with recorded output. */
export function liveWith(outputs: Record<string, string>, isRoot = true) {
  return (root: string): HostView => {
    const base = rootView(root);
    return {
      ...base,
      live: true,
      isRoot,
      root,
      async run(command: string, args: string[]): Promise<CommandResult> {
        const shown = [command, ...args].join(' ');
        const out = outputs[shown];
        if (out === undefined) return { command: shown, ran: false, stdout: '', stderr: '', error: `${command} is not installed`, ms: 0 };
        return { command: shown, ran: true, exitCode: 0, stdout: out, stderr: '', ms: 1 };
      },
    };
  };
}

