/**
 * Japanese everywhere a person reads: help of every command, error messages, report labels of
 * every format, and every `ja:` text in the sources (present, Japanese, no stray spaces).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { honban, REPO } from '../testing/cli.js';
import { T } from '../report/text.js';
import { COMMAND_NAMES } from './main.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const JP = '[\\u3040-\\u30ff\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]';
/** A space between two Japanese characters, or before 。、） / after （「: a stray space. */
const STRAY_SPACE = new RegExp(`${JP} +${JP}|[ \\u3000]+[。、）」]|[（「][ \\u3000]+`);

/**
 * A help line that is all code (an example command, an option list entry's left side) needs no
 * Japanese; a line with English prose in the Japanese help is untranslated.
 */
function untranslated(line: string): boolean {
  if (JAPANESE.test(line)) return false;
  const t = line.trim();
  if (!t || /^(honban|#|\$|-|\d\.)/.test(t) || /^[A-Z_]+=/.test(t) || /\bhonban\s+[a-z]+\b/.test(t)) return false;
  // What is left once code-like tokens (options, paths, ids, placeholders, quoted) are removed.
  const prose = t
    .replace(/`[^`]*`|'[^']*'|"[^"]*"/g, ' ')
    .replace(/(^|\s)(--?[\w-]+|[\w.-]*[/=:.$*{}<>…|][\w./=:$*{}<>…|-]*|[A-Z][A-Z0-9_]+)(?=\s|$|[,;)])/g, ' ');
  return /\b[a-z]{3,}\b\W+\b[a-z]{3,}\b/i.test(prose);
}

test('help of every command in Japanese: no untranslated prose line, no stray space', () => {
  const pages = [[], ...COMMAND_NAMES.map((c) => [c]), ['env', 'init'], ['env', 'snapshot'], ['env', 'drift']];
  for (const page of pages) {
    const ja = honban([...page, '--help', '--lang', 'ja']);
    const en = honban([...page, '--help', '--lang', 'en']);
    const what = `honban ${page.join(' ')} --help`;
    assert.equal(ja.code, 0, what);
    assert.ok(JAPANESE.test(ja.stdout), `${what}: no Japanese`);
    assert.notEqual(ja.stdout, en.stdout, what);
    const bad = ja.stdout.split('\n').filter(untranslated);
    assert.deepEqual(bad, [], `${what}: English lines in the Japanese help`);
    const stray = ja.stdout.split('\n').filter((l) => STRAY_SPACE.test(l));
    assert.deepEqual(stray, [], `${what}: stray spaces`);
    // LANG=ja_JP.UTF-8 without --lang: Japanese too.
    assert.equal(honban([...page, '--help'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout, ja.stdout, what);
  }
});

test('errors in Japanese with --lang ja or LANG=ja_JP, for every kind of usage error', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-i18n-'));
  writeFileSync(path.join(dir, 'honban.yml'), 'failOn: sometimes\nrules:\n  docker/rot-user: off\n');
  const bad = path.join(dir, 'bad');
  writeFileSync(path.join(dir, 'bad.yml'), 'rules: [\n');
  const cases: string[][] = [
    ['frobnicate'],
    ['--bogus'],
    ['scan', '--bogus'],
    ['scan', '/nonexistent/path'],
    ['scan', '.', '--format', 'xml'],
    ['scan', '.', '--fail-on', 'sometimes'],
    ['scan', '.', '--min-severity', 'loud'],
    ['scan', '.', '--rule', 'docker/rot-user'],
    ['scan', '.', '--config', '/nonexistent/honban.yml'],
    ['scan', dir],
    ['scan', '.', '--config', path.join(dir, 'bad.yml')],
    ['scan', '.', '--output'],
    ['scan', '.', '--sarif-root', bad],
    ['env', '/nonexistent'],
    ['env', '--list'],
    ['diff', '--from', 'production'],
    ['probe'],
    ['probe', 'ftp://example.com'],
    ['probe', 'https://example.com', '--timeout', 'soon'],
    ['probe', '--from-facts', '/nonexistent.json'],
    ['convert'],
    ['rules', '--format', 'sarif'],
  ];
  for (const [i, args] of cases.entries()) {
    const r = honban([...args, '--lang', 'ja'], { cwd: REPO });
    assert.equal(r.code, 2, args.join(' '));
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[0]!, /^honban: エラー: /, args.join(' '));
    for (const l of lines) assert.ok(JAPANESE.test(l), `${args.join(' ')}: "${l}" has no Japanese`);
    assert.ok(!STRAY_SPACE.test(r.stderr), `${args.join(' ')}: stray space in "${r.stderr}"`);
    if (i % 4 === 0) assert.match(honban(args, { cwd: REPO, env: { LANG: 'ja_JP.UTF-8' } }).stderr, /^honban: エラー: /, `${args.join(' ')} with LANG`);
  }
});

test('report labels of every format in Japanese: every text of the reporters has its Japanese', () => {
  const check = (en: unknown, ja: unknown, where: string) => {
    if (typeof en === 'function') {
      const args = [1, 'files', 'high'];
      return check(en(...args), (ja as (...a: unknown[]) => unknown)(...args), where);
    }
    if (typeof en === 'string') {
      assert.equal(typeof ja, 'string', where);
      assert.ok(JAPANESE.test(ja as string), `${where}: "${ja}" is not Japanese`);
      assert.ok(!STRAY_SPACE.test(ja as string), `${where}: stray space in "${ja}"`);
      return;
    }
    if (Array.isArray(en)) return en.forEach((v, i) => check(v, (ja as unknown[])[i], `${where}[${i}]`));
    if (en && typeof en === 'object') for (const k of Object.keys(en)) check((en as Record<string, unknown>)[k], (ja as Record<string, unknown>)[k], `${where}.${k}`);
  };
  check(T.en, T.ja, 'T');
});

test('every ja: text in the sources is Japanese and has no stray space (TypeScript parser over src/)', (t) => {
  const src = path.join(REPO, 'src');
  const require = createRequire(import.meta.url);
  let ts: typeof import('typescript');
  try {
    ts = require('typescript');
  } catch {
    if (process.env.CI === 'true') throw new Error('typescript is a devDependency and must be installed in CI');
    t.skip('typescript not installed (installed package without devDependencies)');
    return;
  }
  if (!existsSync(src)) return t.skip('no sources (installed package)');
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(src);
  const problems: string[] = [];
  for (const file of files) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: import('typescript').Node) => {
      if (ts.isPropertyAssignment(node) && node.name.getText(sf) === 'ja') {
        const init = node.initializer;
        // The literal text of the Japanese: a string, or a template's literal parts.
        let text: string | undefined;
        if (ts.isStringLiteral(init) || ts.isNoSubstitutionTemplateLiteral(init)) text = init.text;
        else if (ts.isTemplateExpression(init)) text = [init.head.text, ...init.templateSpans.map((s) => s.literal.text)].join('\u0000');
        if (text !== undefined) {
          const where = `${path.relative(REPO, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
          const visible = text.replace(/\u0000/g, '');
          // A template that is only a value (`${x}`) or a bare symbol needs no Japanese.
          if (!JAPANESE.test(visible) && /([a-z]{3,}[,.;:]?\s+){2}[a-z]{3,}/i.test(visible)) problems.push(`${where}: no Japanese in "${visible.slice(0, 60)}"`);
          for (const part of text.split('\u0000')) if (STRAY_SPACE.test(part)) problems.push(`${where}: stray space in "${part.slice(0, 60)}"`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  assert.deepEqual(problems, []);
});
