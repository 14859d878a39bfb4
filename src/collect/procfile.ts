/**
 * The `procfile` collector: one CommandLine per process line of a Procfile (Heroku, foreman,
 * honcho, Dokku): `web: gunicorn app:app --workers 3`.
 */
import type { Collector } from '../contracts/collector.js';
import type { EnvName } from '../contracts/types.js';
import { shellWords } from '../lib/shell.js';
import type { ProcfileFact, ProcfileCommand } from '../facts/procfile.js';

/** `name: command` — process names are letters, digits, `_` and `-` (foreman / Heroku). */
const LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*)$/;

export function parseProcfile(path: string, environment: EnvName, content: string): ProcfileFact {
  const commands: ProcfileCommand[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#')) return;
    const m = LINE.exec(raw.replace(/^\s+/, ''));
    if (!m) return; // not a process line: ignored, as foreman does
    const text = m[2]!.trim();
    if (!text) return;
    const column = raw.indexOf(text) + 1;
    commands.push({ process: m[1]!, text, argv: shellWords(text), source: 'procfile', file: path, line: i + 1, column });
  });
  return { file: path, environment, commands };
}

const collector: Collector<'procfile'> = {
  fact: 'procfile',
  kinds: ['procfile'],
  collect(file) {
    return parseProcfile(file.path, file.environment, file.content);
  },
};
export default collector;
