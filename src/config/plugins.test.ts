import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { honban } from '../testing/cli.js';

const rule = (id: string, extra = '') => `{
  id: '${id}',
  severity: 'medium',
  facts: ['dockerfile'],
  title: { en: 'Image without a maintainer label', ja: 'maintainer ラベルのないイメージ' },
  description: { en: 'Every production image must say which team owns it, so that an incident reaches someone.', ja: '本番のイメージはどのチームが持ち主かを示す必要があります。' },
  fix: { en: 'Add LABEL maintainer=team@example.com.', ja: 'LABEL maintainer=team@example.com を追加します。' },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      if (!f.instructions.some((i) => i.keyword === 'LABEL')) ctx.report({ file: f.file, line: 1, column: 1, message: { en: 'no LABEL', ja: 'LABEL がありません' } });
    }
  },${extra}
}`;

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'honban-plugins-'));
  for (const [p, c] of Object.entries({ Dockerfile: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', ...files })) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), c);
  }
  return dir;
}

test('plugins: the example plugin (examples/plugins) imports defineRule from honban and reports like a built-in rule', () => {
  const r = honban(['scan', 'examples/plugins', '--rule', 'acme/*', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.findings.map((f: { ruleId: string; file: string; line: number }) => `${f.ruleId} ${f.file}:${f.line}`), ['acme/base-image-registry Dockerfile:1']);
  assert.equal(report.findings[0].message, 'python:3.12-slim is not from registry.acme.example/');
  assert.equal(report.findings[0].docsUrl, 'https://wiki.acme.example/platform/base-images');
  assert.equal(report.rules.find((x: { id: string }) => x.id === 'acme/base-image-registry').docsUrl, 'https://wiki.acme.example/platform/base-images');
  assert.match(honban(['scan', 'examples/plugins', '--rule', 'acme/*', '--lang', 'ja']).stdout, /python:3\.12-slim は registry\.acme\.example\/ のイメージではありません/);
  // Listed by `honban rules` with honban's own; --rule accepts the plugin's id.
  const listed = honban(['rules', '-c', 'examples/plugins/honban.yml', '--rule', 'acme/*']);
  assert.match(listed.stdout, /^acme\/base-image-registry {2}\(high, command: scan\) \[plugin\]\n/);
  assert.match(listed.stdout, /\n1 rule\n$/);
});

test('plugins: globs and plain objects, several rules per module, options, waivers and honban-ignore by the plugin id', () => {
  const dir = project({
    'rules/a.mjs': `export default [${rule('team/missing-label')}];\nexport const other = ${rule('team/other-label')};\nexport const notARule = 42;\n`,
    'honban.yml': 'plugins: ["./rules/*.mjs"]\nrules:\n  team/other-label: off\nwaivers:\n  - rule: team/missing-label\n    path: legacy/**\n    reason: retired next quarter\n',
    'legacy/Dockerfile': 'FROM python:3.12-slim\n',
    'svc/Dockerfile': '# honban-ignore team/missing-label -- labelled by the build system\nFROM python:3.12-slim\n',
  });
  const r = honban(['scan', dir, '--format', 'json', '--rule', 'team/*']);
  const f = (JSON.parse(r.stdout).findings as { ruleId: string; file: string; status: string }[]).map((x) => `${x.ruleId} ${x.file} ${x.status}`);
  assert.deepEqual(f, ['team/missing-label Dockerfile open', 'team/missing-label legacy/Dockerfile waived', 'team/missing-label svc/Dockerfile suppressed']);
});

test('plugins: a broken plugin is a configuration error (exit 2) that lists every problem', () => {
  const cases: [Record<string, string>, RegExp[]][] = [
    [{ 'r/x.js': 'export default {{ syntax' }, [/plugins: r\/x\.js cannot be loaded: SyntaxError: /]],
    [{ 'r/x.js': 'throw new Error("boom at load");' }, [/plugins: r\/x\.js cannot be loaded: Error: boom at load/]],
    [{ 'r/x.js': 'export const answer = 42;' }, [/plugins: r\/x\.js exports no rule/]],
    [{ 'r/x.js': `export default ${rule('Team_Bad')};` }, [/r\/x\.js: Team_Bad: id "Team_Bad" must be <domain>\/<name>/]],
    [{ 'r/x.js': `export default ${rule('docker/root-user')};` }, [/docker\/root-user: id "docker\/root-user" is a rule of honban itself/]],
    [{ 'r/x.js': `export default { ...${rule('team/a')}, facts: ['dockerfiles'], title: { en: 'Some title', ja: 'no japanese' } };` }, [/team\/a: fact "dockerfiles" does not exist \(known: .*dockerfile/, /team\/a: title\.ja is missing or not Japanese/]],
    [{ 'r/x.js': `export default ${rule('team/a')};`, 'r/y.js': `export default ${rule('team/a')};` }, [/r\/y\.js: team\/a is also defined in r\/x\.js/]],
    [{ 'r/x.txt': 'x' }, [/plugins: "\.\/r\/\*\.js" matches no file/]],
  ];
  for (const [files, expected] of cases) {
    const dir = project({ ...files, 'honban.yml': 'plugins: ["./r/*.js"]\n' });
    const r = honban(['scan', dir]);
    assert.equal(r.code, 2, `${JSON.stringify(files)}\n${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^honban: error: invalid config .*honban\.yml: \d+ problems? with plugins\n/);
    for (const re of expected) assert.match(r.stderr, re, r.stderr);
    assert.match(honban(['scan', dir, '--lang', 'ja']).stderr, /^honban: エラー: 設定ファイル .* が不正です: プラグインの問題 \d+ 件\n/);
  }
});

test('plugins: a rule that throws while checking is an error entry; the run goes on', () => {
  const dir = project({
    'r/x.js': `export default { ...${rule('team/crashes')}, check() { throw new Error('bad input'); } };`,
    'honban.yml': 'plugins: [./r/x.js]\n',
  });
  const r = honban(['scan', dir, '--format', 'json']);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.ok(report.errors.some((e: { ruleId?: string; message: string }) => e.ruleId === 'team/crashes' && /bad input/.test(e.message)), JSON.stringify(report.errors));
  assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId.startsWith('docker/')), 'honban\'s own rules still ran');
});
