/**
 * systemd unit files (`*.service`), parsed as systemd.syntax(7) describes them: `[Section]`
 * headers, `Key=Value` lines (white space around `=` ignored), `#` / `;` comment lines, a trailing
 * `\` continuing the value on the next line (comment lines inside a continuation are skipped),
 * repeated keys kept in order, and an empty assignment (`ExecStart=`) resetting list settings.
 *
 * Exec lines keep their prefixes (`@`, `-`, `:`, `+`, `!`, `!!`) and are split into words with
 * systemd's quoting (double / single quotes, backslash escapes); `Environment=` is split into its
 * `VAR=value` assignments the same way. Every entry and word keeps its line and column, also
 * across continuation lines.
 *
 * The fact carries `commands` (ExecStart, source `systemd-execstart`) for the command-line rules of
 * other domains, and `provides` for the env contract: `Environment=` assignments, and the variables
 * of `EnvironmentFile=` files found in the repository (parsed with the dotenv tokenizer). An
 * EnvironmentFile= that is not in the repository is provided as an opaque source (its path).
 *
 * Drop-ins (`<unit>.d/*.conf`, systemd.unit(5)) are merged into the unit they extend, as systemd
 * does: next to the unit in a repository (`deploy/app.service.d/override.conf`), or in any unit
 * directory of a host (`etc/systemd/system`, `run/systemd/system`, `usr/lib/systemd/system` …).
 * Besides the unit's own directory, systemd reads its template's (`app@.service.d/` for
 * `app@1.service`), the dash prefixes' (`app-.service.d/` for `app-web.service`) and the type-wide
 * `service.d/` (dropInNames, dropInRank). They apply after the unit file in the lexical order of
 * their file names, whatever directory holds them; of two with the same name only the one in the
 * higher-priority directory applies (`/etc` over `/run` over `/usr/lib`; within one, the unit's own
 * over a prefix's; any unit directory's specific ones over a type-wide one), and an empty one (or a
 * link to /dev/null) masks it. Their entries keep their own file, so a finding points at the drop-in
 * line that sets the value.
 */
import type { Collector, CollectContext } from '../contracts/collector.js';
import { isSecretName } from '../lib/secrets.js';
import type { SourceFile } from '../contracts/types.js';
import { parseDotenv } from './dotenv-parse.js';
import { type UnitSection, type UnitEntry, type UnitWord, type ExecLine, type SystemdUnit, entries, setting, type EnvironmentFileRef } from '../facts/systemd.js';

/** Parses the unit file text into sections and entries. */
export function parseUnit(text: string, file?: string): UnitSection[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sections: UnitSection[] = [];
  let current: UnitSection | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const lead = raw.length - raw.trimStart().length;
    if (trimmed.startsWith('[')) {
      const end = trimmed.indexOf(']');
      const name = end > 0 ? trimmed.slice(1, end) : trimmed.slice(1);
      current = { name, line: i + 1, column: lead + 1, entries: [], ...(file ? { file } : {}) };
      sections.push(current);
      continue;
    }
    const eq = raw.indexOf('=');
    if (eq < 0) continue; // systemd ignores (warns about) lines without '='
    const key = raw.slice(0, eq).trim();
    // The value, its characters' positions, and continuations.
    let value = '';
    const positions: [number, number][] = [];
    let lineNo = i;
    let start = eq + 1;
    while (start < raw.length && (raw[start] === ' ' || raw[start] === '\t')) start++;
    const valueLine = i + 1;
    const valueColumn = start + 1;
    let text = lines[lineNo]!;
    let from = start;
    for (;;) {
      let end = text.length;
      while (end > from && /\s/.test(text[end - 1]!)) end--;
      const continued = end > from && text[end - 1] === '\\';
      const stop = continued ? end - 1 : end;
      for (let k = from; k < stop; k++) {
        value += text[k];
        positions.push([lineNo + 1, k + 1]);
      }
      if (!continued || lineNo + 1 >= lines.length) break;
      value += ' ';
      positions.push([lineNo + 1, stop + 1]);
      // Comment lines inside a continuation are skipped.
      lineNo++;
      while (lineNo < lines.length && /^\s*[#;]/.test(lines[lineNo]!)) lineNo++;
      if (lineNo >= lines.length) break;
      text = lines[lineNo]!;
      from = 0;
    }
    i = lineNo;
    // Trailing blanks before a continuation were kept: trim the joined value's end.
    while (value.length && /\s/.test(value[value.length - 1]!)) {
      value = value.slice(0, -1);
      positions.pop();
    }
    const entry: UnitEntry = { section: current?.name ?? '', key, value, line: valueLine, column: lead + 1, valueLine, valueColumn, positions, ...(file ? { file } : {}) };
    if (!current) {
      current = { name: '', line: valueLine, column: 1, entries: [], ...(file ? { file } : {}) };
      sections.push(current);
    }
    current.entries.push(entry);
  }
  return sections;
}

/**
 * Splits a value into words as systemd does for Exec lines and Environment=: white space separates,
 * "…" and '…' quote, a backslash escapes the next character (C escapes \n \t are decoded).
 */
export function splitWords(e: { value: string; positions: [number, number][]; valueLine: number; valueColumn: number }, from = 0): UnitWord[] {
  const out: UnitWord[] = [];
  const v = e.value;
  const posAt = (k: number) => e.positions[k] ?? [e.valueLine, e.valueColumn + k];
  let i = from;
  while (i < v.length) {
    while (i < v.length && /\s/.test(v[i]!)) i++;
    if (i >= v.length) break;
    const [line, column] = posAt(i);
    let word = '';
    let quote: string | undefined;
    while (i < v.length) {
      const c = v[i]!;
      if (quote) {
        if (c === quote) {
          quote = undefined;
          i++;
          continue;
        }
      } else {
        if (/\s/.test(c)) break;
        if (c === '"' || c === "'") {
          quote = c;
          i++;
          continue;
        }
      }
      if (c === '\\' && i + 1 < v.length) {
        const n = v[i + 1]!;
        word += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        i += 2;
        continue;
      }
      word += c;
      i++;
    }
    out.push({ value: word, line, column });
  }
  return out;
}

/** Repository file an absolute path on the server most likely is (see the collector's doc). */
export function resolveServerPath(abs: string, files: readonly SourceFile[], workingDirectory?: string): SourceFile | undefined {
  if (!abs.startsWith('/') || abs.includes('%')) return undefined;
  const segs = abs.split('/').filter(Boolean);
  const byPath = new Map(files.map((f) => [f.path, f]));
  if (workingDirectory && abs.startsWith(workingDirectory.replace(/\/+$/, '') + '/')) {
    const rel = abs.slice(workingDirectory.replace(/\/+$/, '').length + 1);
    const hit = byPath.get(rel);
    if (hit) return hit;
  }
  // The longest suffix of two or more segments that names a repository file.
  for (let k = 0; k <= segs.length - 2; k++) {
    const hit = byPath.get(segs.slice(k).join('/'));
    if (hit) return hit;
  }
  return undefined;
}

/** Unit directories of a host, root-relative, highest priority first (systemd.unit(5)). */
export const UNIT_DIRS = [
  'etc/systemd/system.control',
  'run/systemd/system.control',
  'run/systemd/transient',
  'etc/systemd/system',
  'run/systemd/system',
  'usr/local/lib/systemd/system',
  'usr/lib/systemd/system',
  'lib/systemd/system',
];

const UNIT_TYPES = 'service|socket|timer|mount|automount|swap|path|target|slice|scope';
// `<unit>.d/`, a prefix `app-.service.d/`, a template `app@.service.d/`, or the type-wide `service.d/`.
const DROP_IN = new RegExp(`^(?:(.*)/)?([^/]+\\.(?:${UNIT_TYPES})|${UNIT_TYPES})\\.d/([^/]+\\.conf)$`);

/**
 * The names whose drop-in directories (`<name>.d/`) apply to the unit `unit`, in systemd's search
 * order within one unit directory (src/shared/dropin.c, unit_file_find_dirs): the unit itself; for an
 * instance its template (`app@.service` for `app@1.service`); then the unit name cut after each dash,
 * most specific first (`app-web-api.service` → `app-web-.service`, `app-.service`; an instance keeps
 * its instance: `app-web@1.service` → `app-@1.service`, whose template `app-@.service` follows).
 * The type-wide name (`service`) is not in the list: it comes after every unit directory's
 * specific ones (see `dropInRank`).
 */
export function dropInNames(unit: string): string[] {
  const out: string[] = [];
  const visit = (name: string, depth: number) => {
    if (depth > 64 || out.includes(name)) return;
    out.push(name);
    const dot = name.lastIndexOf('.');
    if (dot <= 0) return;
    const type = name.slice(dot + 1);
    const base = name.slice(0, dot);
    const at = base.indexOf('@');
    const instance = at < 0 ? undefined : base.slice(at + 1);
    const isInstance = instance !== undefined && instance !== '';
    let prefix = at < 0 ? base : base.slice(0, at);
    if (isInstance) visit(`${prefix}@.${type}`, depth + 1);
    // Cut after the last dash; a trailing dash is cut off once first (`app-web-` → `app-`).
    let chopped = false;
    for (;;) {
      const dash = prefix.lastIndexOf('-');
      if (dash <= 0) return;
      if (dash + 1 < prefix.length || chopped) {
        prefix = prefix.slice(0, dash + 1);
        break;
      }
      prefix = prefix.slice(0, dash);
      chopped = true;
    }
    visit(isInstance ? `${prefix}@${instance}.${type}` : `${prefix}.${type}`, depth + 1);
  };
  visit(unit, 0);
  return out;
}

/** The unit type of a unit name (`service` for `app.service`). */
export function unitType(unit: string): string {
  return unit.slice(unit.lastIndexOf('.') + 1);
}

/**
 * Precedence of a drop-in directory for `unit` (lower wins a same-named file, see orderDropIns):
 * systemd lists, for each unit directory in priority order, the unit's own, template and prefix
 * directories (dropInNames), and after all of them the type-wide `service.d/` of each unit
 * directory. `dirRank` is the unit directory's priority (unitDirRank; 0 next to a unit in a
 * repository). Undefined when the directory `name.d` does not apply to `unit`.
 */
export function dropInRank(unit: string, name: string, dirRank: number): number | undefined {
  if (name === unitType(unit)) return 1_000_000 + dirRank;
  const k = dropInNames(unit).indexOf(name);
  return k < 0 ? undefined : dirRank * 1000 + k;
}

/**
 * `etc/systemd/system/app.service.d/10-limits.conf` → its unit directory, the name its directory
 * is for (`app.service`; `app-.service`, `app@.service` or the type `service` for prefix, template
 * and type-wide drop-ins) and file name.
 */
export function dropInPath(p: string): { dir: string; unit: string; name: string } | undefined {
  const m = DROP_IN.exec(p);
  return m ? { dir: m[1] ?? '', unit: m[2]!, name: m[3]! } : undefined;
}

/** Priority of a unit directory (lower wins); undefined when it is not one of a host's unit directories. */
export function unitDirRank(dir: string): number | undefined {
  const k = UNIT_DIRS.indexOf(dir.replace(/^\/+/, ''));
  return k < 0 ? undefined : k;
}

/**
 * The drop-ins that apply to a unit, in the order systemd applies them: of the same file name only
 * the one with the lowest `rank` (highest-priority directory), then sorted by file name.
 */
export function orderDropIns<T extends { path: string; rank: number }>(list: readonly T[]): T[] {
  const byName = new Map<string, T>();
  for (const d of list) {
    const name = d.path.slice(d.path.lastIndexOf('/') + 1);
    const prev = byName.get(name);
    if (!prev || d.rank < prev.rank) byName.set(name, d);
  }
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

/**
 * The unit file's sections followed by each drop-in's, so that `setting()` (last assignment wins)
 * and `entries()` (an empty assignment resets a list) give the effective unit.
 */
export function mergeDropIns(sections: UnitSection[], dropIns: readonly { path: string; content: string }[]): UnitSection[] {
  return [...sections, ...dropIns.flatMap((d) => parseUnit(d.content, d.path))];
}

/** The drop-ins among `files` that extend the unit file `unitPath`, ordered (see orderDropIns). */
export function dropInsFor(unitPath: string, files: readonly SourceFile[]): SourceFile[] {
  const slash = unitPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : unitPath.slice(0, slash);
  const name = unitPath.slice(slash + 1);
  const unitRank = unitDirRank(dir);
  const found: { path: string; rank: number; file: SourceFile }[] = [];
  for (const f of files) {
    if (f.kind !== 'systemd') continue;
    const d = dropInPath(f.path);
    if (!d) continue;
    const dirRank = unitDirRank(d.dir);
    // Next to the unit (a repository), or in any unit directory of a host when the unit is in one.
    const where = d.dir === dir ? (dirRank ?? 0) : unitRank !== undefined ? dirRank : undefined;
    const rank = where === undefined ? undefined : dropInRank(name, d.unit, where);
    if (rank !== undefined) found.push({ path: f.path, rank, file: f });
  }
  return orderDropIns(found).map((d) => d.file);
}

const EXEC_KEYS = /^Exec(Start|StartPre|StartPost|Stop|StopPost|Reload|Condition)$/;

function parseExec(e: UnitEntry, file: string): ExecLine {
  const m = /^[-@:+!]*/.exec(e.value)!;
  const prefixes = m[0];
  const words = splitWords(e, prefixes.length);
  const first = words[0];
  return {
    key: e.key,
    prefixes,
    words,
    text: e.value.slice(prefixes.length).trim(),
    argv: words.map((w) => w.value),
    source: e.key === 'ExecStart' ? 'systemd-execstart' : `systemd-${e.key.toLowerCase()}`,
    file: e.file ?? file,
    line: first?.line ?? e.line,
    column: first?.column ?? e.valueColumn,
  };
}

export function parseSystemdUnit(file: SourceFile, ctx: Pick<CollectContext, 'files' | 'registerSecret'>): SystemdUnit {
  const dropIns = dropInsFor(file.path, ctx.files);
  const sections = mergeDropIns(parseUnit(file.content), dropIns);
  const unit: SystemdUnit = {
    file: file.path,
    environment: file.environment,
    sections,
    commands: [],
    exec: [],
    environmentFiles: [],
    provides: [],
    hasSecretMechanism: true, // LoadCredential= / SetCredentialEncrypted=
    userUnit: /(^|\/)(\.config\/systemd\/user|systemd\/user)\//.test(file.path),
    dropIns: dropIns.map((d) => d.path),
  };
  for (const s of sections) {
    if (s.name !== 'Service') continue;
    for (const e of s.entries) if (EXEC_KEYS.test(e.key) && e.value !== '') unit.exec.push(parseExec(e, file.path));
  }
  unit.commands = entries(unit, 'Service', 'ExecStart').map((e) => parseExec(e, file.path));

  // Environment=: "VAR=value" words.
  for (const e of entries(unit, 'Service', 'Environment')) {
    for (const w of splitWords(e)) {
      const eq = w.value.indexOf('=');
      if (eq <= 0) continue;
      const name = w.value.slice(0, eq);
      const value = w.value.slice(eq + 1);
      if (isSecretName(name) && value) ctx.registerSecret(value);
      unit.provides.push({ name, value, mechanism: 'Environment=', viaSecretStore: false, file: e.file ?? file.path, line: w.line, column: w.column });
    }
  }
  // EnvironmentFile=: the repository file's variables, or the path as an opaque source.
  const wd = setting(unit, 'Service', 'WorkingDirectory')?.value.replace(/^[-!~]+/, '');
  for (const e of entries(unit, 'Service', 'EnvironmentFile')) {
    const optional = e.value.startsWith('-');
    const p = optional ? e.value.slice(1).trim() : e.value;
    const ref: EnvironmentFileRef = { path: p, optional, line: e.line, column: e.valueColumn, ...(e.file ? { file: e.file } : {}) };
    unit.environmentFiles.push(ref);
    const hit = resolveServerPath(p, ctx.files, wd && wd.startsWith('/') ? wd : undefined);
    if (!hit || hit.path === file.path) {
      unit.provides.push({ name: p, mechanism: 'EnvironmentFile=', viaSecretStore: false, file: e.file ?? file.path, line: e.line, column: e.valueColumn });
      continue;
    }
    ref.repoPath = hit.path;
    ref.repoGitIgnored = hit.gitIgnored;
    const parsed = parseDotenv(hit.content);
    ref.keys = [];
    ref.secretKeys = [];
    for (const en of parsed.entries) {
      if (!ref.keys.includes(en.key)) ref.keys.push(en.key);
      if (isSecretName(en.key) && en.value) {
        ctx.registerSecret(en.value);
        if (!ref.secretKeys.includes(en.key)) ref.secretKeys.push(en.key);
      }
      unit.provides.push({ name: en.key, value: en.value, mechanism: 'EnvironmentFile=', viaSecretStore: false, file: hit.path, line: en.line, column: en.column });
    }
  }
  return unit;
}

const collector: Collector<'systemd'> = {
  fact: 'systemd',
  kinds: ['systemd'],
  collect(file, ctx) {
    // A drop-in is part of the unit it extends (merged there), not a unit of its own.
    if (dropInPath(file.path)) return undefined;
    return parseSystemdUnit(file, ctx);
  },
};
export default collector;
