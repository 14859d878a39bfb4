import { UserError, crashReport } from '../contracts/errors.js';
import { VERSION } from '../contracts/version.js';
import { emit } from './common.js';
import { MAIN_HELP } from './help.js';

type Command = (args: string[]) => Promise<number>;

/** Commands load lazily: `honban rules` never loads a parser. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: async () => (await import('./scan.js')).scanCommand,
  rules: async () => (await import('./rules.js')).rulesCommand,
  env: async () => (await import('./env.js')).envCommand,
  diff: async () => (await import('./env.js')).diffCommand,
  probe: async () => (await import('./probe.js')).probeCommand,
  host: async () => (await import('./host.js')).hostCommand,
};

let strayHandled = false;

/** Runs the CLI; returns the exit code (0 / 1 / 2). */
export async function main(argv: string[]): Promise<number> {
  // Errors outside the awaited chain (a timer, a stream) get the same report without data, not
  // node's default print of the message.
  const onStray = (e: unknown) => {
    process.stderr.write(crashReport(e, VERSION));
    process.exit(2);
  };
  if (!strayHandled) {
    strayHandled = true;
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
  }
  try {
    const [first, ...rest] = argv;
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      await emit(MAIN_HELP, undefined);
      return first === undefined ? 2 : 0;
    }
    if (first === '--version' || first === '-V' || first === 'version') {
      await emit(VERSION + '\n', undefined);
      return 0;
    }
    const load = COMMANDS[first];
    if (!load) {
      if (first.startsWith('-')) throw new UserError(`unknown option '${first}' (see honban --help)`);
      throw new UserError(`unknown command '${first}' (see honban --help)`);
    }
    // Lets the end-to-end tests prove that a crash prints the version and a stack and exits 2.
    if (process.env.HONBAN_CRASH_TEST === '1') throw new Error('crash requested by HONBAN_CRASH_TEST');
    const cmd = await load();
    return await cmd(rest);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`honban: error: ${e.message}\n`);
      for (const d of e.details) process.stderr.write(d + '\n');
      return 2;
    }
    process.stderr.write(crashReport(e, VERSION));
    return 2;
  }
}
