/**
 * Generators of hostile inputs. The large cases are made at run time (never committed): each
 * function returns the text (or writes the files) of one case.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh temporary directory holding `files` (relative path → content). */
export function repoWith(files: Record<string, string | Buffer>, prefix = 'honban-hostile-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the permission tests
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/**
 * A `.env` whose variables double at every level: `L0=xxxxxxxx`, `L1=${L0}${L0}`, … — 393 bytes
 * for 24 levels expand to 2^24 × 8 characters (128 MiB) for the last one.
 */
export function doublingEnv(levels = 24): string {
  const out = ['L0=xxxxxxxx'];
  for (let i = 1; i <= levels; i++) out.push(`L${i}=\${L${i - 1}}\${L${i - 1}}`);
  return out.join('\n') + '\n';
}

/** A chain of references `C0=${C1}`, `C1=${C2}`, … `Cn=end`. */
export function chainEnv(links = 2000): string {
  const out: string[] = [];
  for (let i = 0; i < links; i++) out.push(`C${i}=\${C${i + 1}}`);
  out.push(`C${links}=end`);
  return out.join('\n') + '\n';
}

/** One value with `levels` nested defaults: `${A:-${A:-${A:- … }}}`. */
export function nestedDefaults(levels = 10_000): string {
  return 'N=' + '${A:-'.repeat(levels) + 'x' + '}'.repeat(levels) + '\n';
}

/** Base64-looking repetitive text of `n` characters (a keystore, a certificate bundle). */
export function repetitiveBase64(n: number): string {
  const unit = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** A YAML "billion laughs": `levels` anchors, each a list of `width` aliases of the previous one. */
export function yamlAliasBomb(levels = 9, width = 9): string {
  const out = ['a0: &a0 ["lol"]'];
  for (let i = 1; i <= levels; i++) out.push(`a${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]`);
  return out.join('\n') + '\n';
}

/** 1 MiB: the largest file (and so the largest value) honban reads. */
export const MIB = 1024 * 1024;

/**
 * Inputs of `n` characters that make a backtracking regular expression slow if anything does:
 * runs of single characters and separators, and every word of the pattern repeated with and
 * without separators (`_here_here…`, `_expir_expir…`, ` here here…`), with and without a final
 * character that makes the match fail.
 */
export function adversarialInputs(re: RegExp, n = MIB): string[] {
  const words = new Set<string>(re.source.match(/[A-Za-z]{2,}/g) ?? []);
  const units = ['a', 'A', '0', ' ', '_', '-', '.', '/', '$', '{', '<', 'x', '*', '\n', 'aB3_'];
  for (const w of words) units.push(w, `_${w}`, ` ${w}`, `${w}_`, `-${w}`, `${w}.`);
  const out: string[] = [];
  for (const u of units) {
    const body = u.repeat(Math.ceil(n / u.length)).slice(0, n - 1);
    out.push(body + '!', body + '\n', '!' + body);
  }
  return out;
}
