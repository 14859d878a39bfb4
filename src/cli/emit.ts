import { writeFile } from 'node:fs/promises';
import { UserError } from '../contracts/errors.js';
import { L } from '../lib/i18n.js';

/** Writes `text` to the file `output`, or to stdout. (Its own module: `honban --help` prints through it without loading the rest of the command line.) */
export async function emit(text: string, output: string | undefined): Promise<void> {
  if (output) {
    try {
      await writeFile(output, text);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UserError(L(`cannot write ${output}: ${why}`, `${output} に書き込めません: ${why}`));
    }
  } else {
    await new Promise<void>((resolve) => {
      if (process.stdout.write(text)) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  }
}
