import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from '../contracts/types.js';

/** Finding "files" that are no file: the process environment of `honban env --process-env`. */
const VIRTUAL = new Set(['process.env']);

export function isUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

export type Located =
  | { kind: 'url'; url: string }
  | { kind: 'virtual'; name: string }
  /** `rel`: POSIX path relative to the base root; `absUri`: file:// URI when it lies outside it. */
  | { kind: 'file'; rel?: string; absUri?: string };

/**
 * Where a finding's `file` is, re-based on `base` (the repository root, or --sarif-root): CI systems
 * resolve paths from the repository root whatever directory honban was given. Without a known
 * report root, paths stay as the report has them.
 */
export function locate(file: string, report: Pick<Report, 'root'>, base: string | undefined): Located {
  if (isUrl(file)) return { kind: 'url', url: file };
  if (VIRTUAL.has(file)) return { kind: 'virtual', name: file };
  if (!report.root || !base) return { kind: 'file', rel: file };
  const abs = path.resolve(report.root, file);
  const rel = path.relative(base, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { kind: 'file', absUri: pathToFileURL(abs).href };
  return { kind: 'file', rel: rel.split(path.sep).join('/') };
}

/** Relative POSIX path → URI reference (each segment percent-encoded). */
export function relUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** The path CI annotations show: relative to the base, or absolute when outside it; URLs as they are. */
export function displayPath(file: string, report: Pick<Report, 'root'>, base: string | undefined): string {
  const l = locate(file, report, base);
  if (l.kind === 'url') return l.url;
  if (l.kind === 'virtual') return l.name;
  if (l.rel !== undefined) return l.rel;
  return path.resolve(report.root!, file);
}
