import { UserError, crashReport } from '../contracts/errors.js';
import { VERSION } from '../contracts/version.js';
import { L, langOf } from '../lib/i18n.js';
import { emit } from './emit.js';

type Command = (args: string[]) => Promise<number>;

/**
 * Commands load lazily: `honban rules` never loads a parser, `honban host` no reporter but the one it
 * prints, `honban --help` no command.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./scan.js')).scanCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  env: async () => (await import('./env.js')).envCommand,
  diff: async () => (await import('./env.js')).diffCommand,
  probe: async () => (await import('./probe.js')).probeCommand,
  host: async () => (await import('./host.js')).hostCommand,
  check: async () => (await import('./check.js')).checkCommand,
  history: async () => (await import('./history.js')).historyCommand,
  convert: async () => (await import('./convert.js')).convertCommand,
};

/**
 * A reader that stops reading (`honban rules | head -1`) closes the pipe: the output is no longer
 * wanted, so honban ends quietly with exit 0 instead of an EPIPE stack trace.
 */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') > 0) continue;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(0);
      throw e;
    });
  }
}

/** Every command's name (the help tests walk them). */
export const COMMAND_NAMES = Object.keys(COMMANDS);

let strayHandled = false;

/** Runs the CLI; returns the exit code (0 / 1 / 2). */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  // Errors about the arguments themselves are in the language the arguments (or LANG) ask for.
  const lang = langOf(argv);
  // Errors outside the awaited chain (a timer, a stream) get the same report without data, not
  // node's default print of the message.
  const onStray = (e: unknown) => {
    process.stderr.write(crashReport(e, VERSION, lang));
    process.exit(2);
  };
  if (!strayHandled) {
    strayHandled = true;
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
  }
  try {
    // `honban --lang ja scan .`: a leading --lang goes to the command (or the main help).
    let args = argv;
    const leadLang = args[0] === '--lang' ? args.slice(0, 2) : args[0]?.startsWith('--lang=') ? args.slice(0, 1) : [];
    if (leadLang.length) args = [...args.slice(leadLang.length), ...(args.length > leadLang.length ? leadLang : [])];
    const [first, ...rest] = args;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      await emit((await import('./help.js')).mainHelp(lang), undefined);
      return first === undefined ? 2 : 0;
    }
    if (first === '--version' || first === '-V' || first === 'version') {
      await emit(VERSION + '\n', undefined);
      return 0;
    }
    const load = COMMANDS[first];
    if (!load) {
      if (first.startsWith('-')) throw new UserError(L(`unknown option '${first}' (see honban --help)`, `不明なオプション '${first}' (honban --help を参照)`));
      throw new UserError(L(`unknown command '${first}' (see honban --help)`, `不明なコマンド '${first}' (honban --help を参照)`));
    }
    // Lets the end-to-end tests prove that a crash prints the version and a stack and exits 2.
    if (process.env.HONBAN_CRASH_TEST === '1') throw new Error('crash requested by HONBAN_CRASH_TEST');
    const cmd = await load();
    return await cmd(rest);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`honban: ${lang === 'ja' ? 'エラー' : 'error'}: ${e.text[lang]}\n`);
      for (const d of e.details) process.stderr.write(d[lang] + '\n');
      return 2;
    }
    process.stderr.write(crashReport(e, VERSION, lang));
    return 2;
  }
}
