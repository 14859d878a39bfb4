import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../contracts/errors.js';
import { fileWrites, parseShell } from './shell.js';
import { programName } from '../facts/shell.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

test('parseShell: words, quoting, expansions, operators, pipelines and positions', () => {
  const cmds = parseShell(
    lines(
      '#!/bin/bash',
      'A=1 B="two words" sudo -u app echo "x $HOME" \'$lit\' $\'a\\tb\' esc\\ aped # comment',
      'curl -fsSL https://x | sudo sh && echo done || echo failed; true &',
      'if [ -f .env ]; then chmod 600 .env; fi',
      'y=$( echo "a ) b" | tr a b ); z=$((1 + (2 * 3)))',
      'cp a \\',
      '   b',
    ),
  );
  const c0 = cmds[0]!;
  assert.deepEqual(c0.assignments.map((w) => w.value), ['A=1', 'B=two words']);
  assert.deepEqual(c0.words.map((w) => w.value), ['sudo', '-u', 'app', 'echo', 'x $HOME', '$lit', 'a\tb', 'esc aped']);
  assert.deepEqual(c0.words.map((w) => w.expands), [false, false, false, false, true, false, false, false]);
  assert.equal(programName(c0), 'echo');
  assert.deepEqual([c0.line, c0.words[4]!.column], [2, 36]);
  const pipe = cmds.filter((c) => c.line === 3);
  assert.deepEqual(pipe.map((c) => `${c.words[0]!.value}:${c.next}`), ['curl:|', 'sudo:&&', 'echo:||', 'echo:;', 'true:&']);
  assert.equal(pipe[0]!.pipeline, pipe[1]!.pipeline);
  assert.notEqual(pipe[1]!.pipeline, pipe[2]!.pipeline);
  assert.deepEqual(cmds.filter((c) => c.line === 4).map((c) => c.words.map((w) => w.value).join(' ')), ['[ -f .env ]', 'chmod 600 .env']);
  const subst = cmds.filter((c) => c.line === 5);
  assert.deepEqual(subst.map((c) => c.assignments.map((w) => w.value)), [['y=$( echo "a ) b" | tr a b )'], ['z=$((1 + (2 * 3)))']]);
  const cp = cmds.find((c) => c.words[0]?.value === 'cp')!;
  assert.deepEqual(cp.words.map((w) => `${w.value}@${w.line}:${w.column}`), ['cp@6:1', 'a@6:4', 'b@7:4']);
});

test('parseShell: redirections with descriptors, here-documents (quoted, <<-), and process substitution', () => {
  const cmds = parseShell(lines('cat <<-"END" > out.txt 2>&1', '\tliteral $x', '\tEND', 'diff <(sort a) b >>log &>/dev/null', 'cat <<EOF', '$HOME', 'EOF'));
  const [a, b, c] = cmds;
  assert.deepEqual(a!.redirects.map((r) => `${r.fd ?? ''}${r.op}${r.target?.value}`), ['<<-END', '>out.txt', '2>&1']);
  assert.deepEqual(a!.heredocs.map((h) => [h.delimiter, h.literal, h.stripTabs, h.lines.map((l) => `${l.text}@${l.line}:${l.column}`)]), [['END', true, true, ['literal $x@2:2']]]);
  assert.deepEqual(b!.words.map((w) => w.value), ['diff', '<(sort a)', 'b']);
  assert.deepEqual(b!.redirects.map((r) => r.op + r.target!.value), ['>>log', '&>/dev/null']);
  assert.equal(c!.heredocs[0]!.literal, false);
  assert.deepEqual(c!.heredocs[0]!.lines.map((l) => l.text), ['$HOME']);
});

test('parseShell: an unterminated quote is a ParseError with its position', () => {
  assert.throws(() => parseShell('echo ok\necho "oops\n'), (e: unknown) => e instanceof ParseError && e.line === 2 && e.column === 6);
  assert.throws(() => parseShell("echo 'x"), (e: unknown) => e instanceof ParseError && /unterminated single quote/.test(e.message));
});

test('fileWrites: KEY=value lines written through heredocs, echo, printf and tee, with expansion knowledge', () => {
  const w = fileWrites(
    parseShell(
      lines(
        'cat > .env <<EOF',
        'export A_KEY="$(openssl rand -hex 16)"',
        'B=plain # comment',
        'EOF',
        "echo -e 'C=1\\nD=2' | tee -a .env.production",
        'echo "E=$E" > /dev/null',
        'echo hello >> notes.txt',
      ),
    ),
  );
  assert.deepEqual(
    w.map((x) => [x.via, x.target, x.append, x.entries.map((e) => `${e.key}=${e.value}@${e.line}:${e.column}${e.expanded ? ' expanded' : ''}`)]),
    [
      ['heredoc', '.env', false, ['A_KEY=$(openssl rand -hex 16)@2:1 expanded', 'B=plain@3:1']],
      ['echo', '.env.production', true, ['C=1@5:9', 'D=2@5:9']],
    ],
  );
});
