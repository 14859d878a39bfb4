import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseError } from '../contracts/errors.js';
import { programName } from '../facts/shell.js';
import { argvOf, commandWords, MAX_DEPTH, parseShell, shellScriptOf, shellWords, shlexSplit, tokenizeShell } from './shell.js';

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

test('tokenizeShell: positions from an offset map, a base position, and \r before a newline', () => {
  const at = tokenizeShell('a b\nc', { line: 10, column: 5 }).commands;
  assert.deepEqual(at.flatMap((c) => c.words.map((w) => `${w.value}@${w.line}:${w.column}`)), ['a@10:5', 'b@10:7', 'c@11:1']);
  const mapped = tokenizeShell('x y', { locate: (o) => ({ line: 100 + o, column: 1 }) }).commands;
  assert.deepEqual(mapped[0]!.words.map((w) => `${w.value}@${w.line}`), ['x@100', 'y@102']);
  assert.deepEqual(tokenizeShell('echo a\r\necho b\r\n').commands.map((c) => argvOf(c)), [['echo', 'a'], ['echo', 'b']]);
});

test('tokenizeShell: syntax errors are entries beside the commands, never exceptions', () => {
  const dq = tokenizeShell('echo ok\necho "oops');
  assert.deepEqual(dq.commands.map((c) => argvOf(c)), [['echo', 'ok'], ['echo', 'oops']]);
  assert.deepEqual(dq.errors, [{ message: 'shell: unterminated double quote', line: 2, column: 6 }]);
  const sq = tokenizeShell("A='x y");
  assert.deepEqual(sq.commands.map((c) => c.assignments.map((w) => w.value)), [["A=x y"]]);
  assert.deepEqual(sq.errors.map((e) => `${e.message}@${e.line}:${e.column}`), ['shell: unterminated single quote@1:1']);
  assert.deepEqual(tokenizeShell('echo $(date').errors.map((e) => `${e.message}@${e.column}`), ['shell: unterminated $( … ) or ( … )@6']);
  assert.deepEqual(tokenizeShell('echo ${A:-x').errors.map((e) => e.message), ['shell: unterminated ${ … }']);
  assert.deepEqual(tokenizeShell('echo `date').errors.map((e) => e.message), ['shell: unterminated backquote']);
  assert.deepEqual(tokenizeShell('cat <<').errors.map((e) => e.message), ['shell: here-document without a delimiter']);
  assert.deepEqual(tokenizeShell('echo "a" \'b\' $(c) `d`').errors, []);
});

test('shellWords: one list with the operators as words; redirections left out; lenient on bad quotes', () => {
  assert.deepEqual(shellWords(`a 'b c' "d \\"e\\"" f\\ g && h;i # tail`), ['a', 'b c', 'd "e"', 'f g', '&&', 'h', ';', 'i']);
  assert.deepEqual(shellWords('A=1 gunicorn app:app > /var/log/x 2>&1 | tee y &'), ['A=1', 'gunicorn', 'app:app', '|', 'tee', 'y']);
  assert.deepEqual(shellWords('x || y\nz'), ['x', '||', 'y', 'z']);
  assert.deepEqual(shellWords('python "app.py'), ['python', 'app.py']);
  assert.deepEqual(shellWords(''), []);
});

test('shlexSplit: the words of a compose string command, newlines as spaces, operators dropped', () => {
  assert.deepEqual(shlexSplit('bundle exec rails s\n  -b "0.0.0.0" && echo $HOME'), ['bundle', 'exec', 'rails', 's', '-b', '0.0.0.0', 'echo', '$HOME']);
  assert.deepEqual(shlexSplit("sh -c 'npm run dev'"), ['sh', '-c', 'npm run dev']);
});

test('commandWords and shellScriptOf: keywords, assignments, env and sh -c bodies', () => {
  assert.deepEqual(commandWords(['then', 'A=1', 'env', '-i', 'B=2', 'node', 'x.js']), ['node', 'x.js']);
  assert.deepEqual(commandWords(['python', 'A=1']), ['python', 'A=1']);
  assert.equal(shellScriptOf(['/bin/sh', '-ec', 'npm start']), 'npm start');
  assert.equal(shellScriptOf(['bash', '-l', '-c', 'rails s']), 'rails s');
  assert.equal(shellScriptOf(['bash', 'script.sh']), undefined);
  assert.equal(shellScriptOf(['python', '-c', 'print(1)']), undefined);
});

// Hostile inputs: each ends with a result or an error entry (no timed assertion: bounded time is
// what the suite's own timeout and `npm run bench` watch).
test('hostile: 100,000 commands in one line', () => {
  const { commands, errors } = tokenizeShell('true && '.repeat(100_000) + 'echo last');
  assert.equal(commands.length, 100_001);
  assert.deepEqual(argvOf(commands[100_000]!), ['echo', 'last']);
  assert.deepEqual(errors, []);
  assert.equal(shellWords('a | '.repeat(100_000) + 'b').length, 200_001);
});

test('hostile: one 5 MB word, a 5 MB quoted string, 5 MB of unbalanced quotes', () => {
  const big = 'x'.repeat(5 * 1024 * 1024);
  const one = tokenizeShell(`echo ${big}`);
  assert.equal(one.commands[0]!.words[1]!.value.length, big.length);
  const quoted = tokenizeShell(`echo "${big}"`);
  assert.equal(quoted.commands[0]!.words[1]!.value.length, big.length);
  const unbalanced = tokenizeShell(`echo "${"'".repeat(5 * 1024 * 1024)}`);
  assert.deepEqual(unbalanced.errors.map((e) => `${e.message}@${e.line}:${e.column}`), ['shell: unterminated double quote@1:6']);
  const singles = tokenizeShell("'a".repeat(1024 * 1024 + 1)); // an odd number of quotes
  assert.equal(singles.errors.length, 1);
  assert.throws(() => parseShell(`echo '${big}`), ParseError);
});

test('hostile: substitutions nested through quotes stop at MAX_DEPTH with an error entry', () => {
  const deep = tokenizeShell('echo ' + '"$('.repeat(1_000_000));
  assert.deepEqual(deep.errors.map((e) => e.message), [`shell: substitutions nested deeper than ${MAX_DEPTH} levels`]);
  assert.deepEqual(deep.commands.map((c) => c.words[0]!.value), ['echo']);
  const open = tokenizeShell('$('.repeat(1_000_000));
  assert.equal(open.errors.length, 1);
  const braces = tokenizeShell('${'.repeat(1_000_000));
  assert.deepEqual(braces.errors.map((e) => e.message), ['shell: unterminated ${ … }']);
  const backslashes = tokenizeShell('\\'.repeat(5 * 1024 * 1024 + 1));
  assert.equal(backslashes.commands.length, 1);
  const heredocs = tokenizeShell('cat <<A\n'.repeat(100_000));
  assert.ok(heredocs.commands.length >= 1);
});
