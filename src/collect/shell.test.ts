import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileWrites } from './shell.js';
import { parseShell } from '../lib/shell.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

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
