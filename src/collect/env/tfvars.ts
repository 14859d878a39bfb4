/**
 * `*.tfvars` / `*.tfvars.json` of an environment, for `honban diff` (seed 004's production-vs-new
 * table). Parsed with the Terraform collector's HCL parser (tree-sitter); values are literals,
 * lists / maps of literals, or expression text when not literal.
 */
import type { HonbanConfig } from '../../contracts/config.js';
import { isSecretName, looksLikeCredential } from '../../lib/secrets.js';
import { SHARED, TEMPLATE, type EnvName } from '../../contracts/types.js';
import type { RepoView } from './fs.js';
import { environmentOfPath } from './layers.js';

export interface TfvarsEntry {
  name: string;
  file: string;
  line: number;
  /** Canonical form used for comparison. */
  canonical: string;
  /** Display form (non-secrets only are ever shown). */
  display: string;
  secret: boolean;
}

export interface TfvarsSide {
  files: string[];
  vars: Map<string, TfvarsEntry>;
  errors: { file: string; line?: number; message: string }[];
  secrets: Set<string>;
}

const SKIP = new Set(['.git', 'node_modules', '.terraform', '.honban', 'venv', '.venv', '.terragrunt-cache']);

/** Every tfvars file of the repository (bounded walk). */
export function findTfvars(view: RepoView): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const f of view.listDir(dir)) if (/\.tfvars(\.json)?$/i.test(f)) out.push(f);
    if (depth >= 8) return;
    for (const d of view.listSubdirs(dir)) if (!SKIP.has(d.split('/').pop()!)) walk(d, depth + 1);
  };
  walk('', 0);
  return out.sort();
}

type Expr = import('../../facts/terraform/types.js').Expr;

function canonical(e: Expr): { value: string; literal: boolean } {
  switch (e.t) {
    case 'lit':
      return { value: e.v === null ? 'null' : String(e.v), literal: true };
    case 'tmpl': {
      if (e.parts.every((p) => 's' in p)) return { value: e.parts.map((p) => (p as { s: string }).s).join(''), literal: true };
      return { value: e.parts.map((p) => ('s' in p ? p.s : '${…}')).join(''), literal: false };
    }
    case 'tuple': {
      const items = e.items.map(canonical);
      return { value: '[' + items.map((i) => JSON.stringify(i.value)).join(', ') + ']', literal: items.every((i) => i.literal) };
    }
    case 'object': {
      const items = e.items.map((it) => ({ k: it.keyName ?? '?', v: canonical(it.value) }));
      return { value: '{' + items.map((i) => `${i.k} = ${JSON.stringify(i.v.value)}`).join(', ') + '}', literal: items.every((i) => i.v.literal) };
    }
    default:
      return { value: 'text' in e ? e.text.replace(/\s+/g, ' ').trim() : `(${e.t})`, literal: false };
  }
}

function walkLiterals(e: Expr, out: string[]): void {
  if (e.t === 'lit' && typeof e.v === 'string') out.push(e.v);
  else if (e.t === 'tmpl') for (const p of e.parts) if ('s' in p) out.push(p.s);
  if (e.t === 'tuple') for (const i of e.items) walkLiterals(i, out);
  if (e.t === 'object') for (const i of e.items) walkLiterals(i.value, out);
}

/**
 * The tfvars of `env`: shared files (`terraform.tfvars`, `*.auto.tfvars`) first, then the
 * environment's own (`prod.tfvars`, `env/prod/terraform.tfvars`); later files win.
 */
export async function tfvarsOf(view: RepoView, env: EnvName, config: HonbanConfig, all: string[]): Promise<TfvarsSide> {
  const side: TfvarsSide = { files: [], vars: new Map(), errors: [], secrets: new Set() };
  const mine = all.filter((f) => environmentOfPath(f, config, [env]) === env);
  const shared = all.filter((f) => environmentOfPath(f, config, [env]) === SHARED);
  const files = mine.length ? [...shared, ...mine] : [];
  if (!files.length) return side;
  const { parseHcl } = await import('../hcl/parse.js');
  for (const f of files) {
    const text = view.read(f);
    if (text === undefined) continue;
    let parsed;
    try {
      parsed = await parseHcl(f, text);
    } catch (e) {
      // Never the exception's message: it may quote the file (issue 11).
      side.errors.push({ file: f, message: `cannot parse (${(e as Error).name ?? 'error'})` });
      continue;
    }
    if (parsed.error) side.errors.push({ file: f, line: parsed.error.line, message: parsed.error.message });
    side.files.push(f);
    for (const a of parsed.attrs) {
      const c = canonical(a.expr);
      const secret = isSecretName(a.name) || looksLikeCredential(c.value);
      if (secret) {
        const lits: string[] = [];
        walkLiterals(a.expr, lits);
        for (const l of lits) if (l.trim()) side.secrets.add(l);
        if (c.value.trim()) side.secrets.add(c.value);
      }
      side.vars.set(a.name, { name: a.name, file: f, line: a.loc.line, canonical: c.value, display: c.value, secret });
    }
  }
  return side;
}

/** The environments that have tfvars of their own. */
export function tfvarsEnvironments(all: string[], config: HonbanConfig): EnvName[] {
  const out = new Set<EnvName>();
  for (const f of all) {
    const e = environmentOfPath(f, config);
    if (e !== SHARED && e !== TEMPLATE) out.add(e);
  }
  return [...out].sort();
}
