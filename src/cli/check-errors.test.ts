/**
 * Every user error of `honban check` and `honban history`, in Japanese with --lang ja (and, for a
 * third of them, in English without): exit 2, one clear first line, the Japanese text — not the
 * English one copied.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { honban, REPO } from '../testing/cli.js';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const work = mkdtempSync(path.join(tmpdir(), 'honban-check-errors-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * Runs `args` with --lang ja (every line Japanese, the first one `ja`); every third call also in
 * English (`en`, no Japanese), to keep the spawned processes few. Returns the Japanese stderr.
 */
let calls = 0;
function bothLanguages(args: string[], ja: RegExp, en: RegExp, env: Record<string, string> = {}): string {
  const what = args.join(' ');
  const j = honban([...args, '--lang', 'ja'], { env });
  assert.equal(j.code, 2, `${what}: ${j.stderr}`);
  const lines = j.stderr.trim().split('\n');
  assert.match(lines[0]!, /^honban: エラー: /, what);
  assert.match(lines[0]!, ja, what);
  for (const l of lines) assert.ok(JAPANESE.test(l), `${what}: "${l}" has no Japanese`);
  if (calls++ % 3 !== 0) return j.stderr;
  const e = honban(args, { env });
  assert.equal(e.code, 2, `${what}: ${e.stderr}`);
  assert.match(e.stderr.split('\n')[0]!, en, what);
  assert.ok(!JAPANESE.test(e.stderr), `${what}: Japanese in the English error "${e.stderr}"`);
  return j.stderr;
}

test('honban check: every user error in Japanese and in English', () => {
  const file = path.join(work, 'a-file.txt');
  writeFileSync(file, 'x\n');
  bothLanguages(['check', 'a', 'b'], /honban check に指定できるディレクトリは 1 つです \(2 個/, /honban check takes one directory, not 2/);
  bothLanguages(['check', '--url', 'https://example.com', '--probe-facts', file], /--url と --probe-facts FILE のどちらか一方/, /give either --url or --probe-facts FILE, not both/);
  bothLanguages(['check', '--host-facts', '/nonexistent/host.json'], /--host-facts \/nonexistent\/host\.json を読めません: ファイルもディレクトリもありません/, /cannot read --host-facts \/nonexistent\/host\.json: no such file or directory/);
  bothLanguages(['check', '--no-history', '--store', 'sqlite:x.sqlite'], /--no-history では何も保存しません/, /--no-history stores nothing/);
  bothLanguages(['check', '/nonexistent/dir'], /\/nonexistent\/dir を読めません: ディレクトリがありません/, /cannot read \/nonexistent\/dir: no such directory/);
  bothLanguages(['check', file], /a-file\.txt はディレクトリではありません \(honban check は/, /a-file\.txt is not a directory \(honban check reads/);
  bothLanguages(['check', '.', '--config', '/nonexistent/honban.yml'], /設定ファイル \/nonexistent\/honban\.yml を読めません: ファイルがありません/, /cannot read config \/nonexistent\/honban\.yml: no such file/);
});

test('honban check: history store problems in Japanese (a wrong URL, --keep, an unreachable server), with how to skip storing', () => {
  const dir = path.join(work, 'hardened');
  cpSync(path.join(REPO, 'examples', 'flask-hardened'), dir, { recursive: true });
  bothLanguages(['check', dir, '--store', 'mysql://x'], /履歴ストア: ストアは sqlite:PATH か postgres:\/\/user@host\/db で指定します .*--no-history で保存を省略できます/, /history store: a store is sqlite:PATH or postgres:.*--no-history skips storing/);
  bothLanguages(['check', dir, '--keep', 'soon'], /履歴ストア: --keep は日数 \(180d\) か実行回数 \(500\) にしてください/, /--keep must be a number of days/);
  // Nothing listens on port 1: the connection is refused at once, before the check runs.
  const ja = bothLanguages(['check', dir, '--store', 'postgres://honban@127.0.0.1:1/x'], /履歴ストア: postgres:\/\/honban@127\.0\.0\.1:1\/x に接続できません: .*ECONNREFUSED/, /history store: cannot connect to postgres:\/\/honban@127\.0\.0\.1:1\/x: .*ECONNREFUSED/);
  assert.ok(!ja.includes('password'), ja);
});

test('honban check: checklist and history problems of honban.yml in Japanese, every problem listed', () => {
  const dir = path.join(work, 'bad-checklist');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'honban.yml'),
    [
      'history:',
      '  store: "postgres://honban:s3cret-pw@db/x"',
      'checklist:',
      '  - { id: a, title: A, priority: P0, status: deferred }',
      '  - { id: a, title: B, priority: P1, checks: [tls/nope], evidence: x.md }',
      '  - { id: c, title: C, priority: P2 }',
      '  - { id: d, title: D, priority: P2, status: done, until: 2026-02-30 }',
      '',
    ].join('\n'),
  );
  const ja = bothLanguages(['check', dir, '--no-history'], /設定ファイル .*honban\.yml が不正です: 問題 \d+ 件/, /invalid config .*honban\.yml: \d+ problems/);
  for (const re of [
    /history\.store: パスワードは honban\.yml に書きません/,
    /checklist\.0\.reason: deferred の項目には reason \(理由\) が必要です/,
    /checklist\.1\.id: "a" は checklist\.0 の id と重複しています/,
    /checklist\.1\.evidence: 手動の項目だけに指定できます/,
    /checklist\.1\.checks\.0: "tls\/nope" に一致するルールがありません/,
    /checklist\.2: checks: \(ルール ID か tls\/\* のような glob\) か手動の status: /,
    /checklist\.3\.until: deferred、skipped、not-applicable の項目だけに指定できます/,
    /checklist\.3\.until: "2026-02-30" は実在しない日付です/,
    /checklist\.3\.attested: done の項目には attested: \{ by, on \} が必要です/,
  ]) assert.match(ja, re);
  assert.ok(!ja.includes('s3cret-pw'), 'the password is not echoed');
});

test('honban check --init: an honban.yml it cannot extend, in Japanese', () => {
  const dir = path.join(work, 'init-bad');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'honban.yml'), 'checklist: not-a-list\n');
  bothLanguages(['check', '--init', dir], /honban\.yml にチェックリストを追加できません: honban\.yml の checklist: がリストではありません/, /cannot add a checklist to .*checklist: in honban\.yml is not a list/);
  writeFileSync(path.join(dir, 'honban.yml'), 'checklist: [\n');
  bothLanguages(['check', '--init', dir], /チェックリストを追加できません: honban\.yml が正しい YAML ではありません/, /honban\.yml is not valid YAML/);
  writeFileSync(path.join(dir, 'honban.yml'), '- just\n- a list\n');
  bothLanguages(['check', '--init', dir], /honban\.yml はマッピング/, /honban\.yml must be a mapping/);
  writeFileSync(path.join(dir, 'honban.yml'), 'failOn: sometimes\n');
  bothLanguages(['check', '--init', dir], /チェックリストを追加すると .*honban\.yml が不正になります/, /would not be valid after adding the checklist/);
  mkdirSync(path.join(dir, 'cfgdir'), { recursive: true });
  bothLanguages(['check', '--init', dir, '--config', path.join(dir, 'cfgdir')], /設定ファイル .*cfgdir を読めません/, /cannot read config .*cfgdir/);
});

test('honban history: every user error in Japanese and in English', () => {
  const empty = path.join(work, 'history-empty');
  mkdirSync(empty, { recursive: true });
  bothLanguages(['history', 'a', 'b'], /honban history に指定できるディレクトリは 1 つです/, /honban history takes one directory, not 2/);
  bothLanguages(['history', empty, '--dir', empty], /DIR か --dir のどちらか一方/, /either as DIR or as --dir, not both/);
  bothLanguages(['history', 'diff', '1', '2', '3'], /比べる実行は 2 つです \(3 個/, /compares two runs, not 3/);
  bothLanguages(['history', '/nonexistent/dir'], /\/nonexistent\/dir を読めません: ディレクトリがありません/, /cannot read \/nonexistent\/dir: no such directory/);
  bothLanguages(['history', empty, '--config', '/nonexistent/honban.yml'], /設定ファイル \/nonexistent\/honban\.yml を読めません/, /cannot read config/);
  bothLanguages(['history', empty, '--limit', '0'], /--limit は正の整数にしてください \("0" ではなく\)/, /--limit must be a positive number, not "0"/);
  bothLanguages(['history', empty, '--store', 'mysql://x'], /ストアは sqlite:PATH か postgres/, /a store is sqlite:PATH or postgres/);
  bothLanguages(['history', empty], /にはまだ履歴がありません: honban check を実行するたびに記録されます/, /no history at .* yet/);
  bothLanguages(['history', empty, '--store', 'postgres://honban@127.0.0.1:1/x'], /履歴ストア: .*に接続できません/, /history store: cannot connect/);
  const garbage = path.join(work, 'garbage.sqlite');
  writeFileSync(garbage, 'this is not a database, just text '.repeat(200));
  bothLanguages(['history', empty, '--store', `sqlite:${garbage}`], /^honban: エラー: 履歴ストア: .*garbage\.sqlite/, /history store: .*garbage\.sqlite.*not a database/);

  // A store with one run: diff needs two; run ids that are not numbers or not there.
  const dir = path.join(work, 'history-one');
  cpSync(path.join(REPO, 'examples', 'flask-hardened'), dir, { recursive: true });
  rmSync(path.join(dir, '.honban'), { recursive: true, force: true });
  assert.equal(honban(['check', dir, '--format', 'json']).code, 0);
  bothLanguages(['history', 'diff', '--dir', dir], /honban history diff には .* の実行が 2 つ必要です \(.* には 1 件\)/, /needs two runs of .*; .* has 1/);
  bothLanguages(['history', 'diff', 'abc', '--dir', dir], /実行は ID \(honban history に出る正の整数\) で指定します \("abc" ではなく\)/, /a run is given by its id/);
  bothLanguages(['history', 'diff', '1', '99', '--dir', dir], /に .* の実行 #99 はありません \(honban history を参照\)/, /no run #99 of .* \(see honban history\)/);
});
