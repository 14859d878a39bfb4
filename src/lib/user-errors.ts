/**
 * The user errors every command shares (a directory, a config or an option's file that is not
 * there), in English and Japanese: one text each, so that `scan`, `env`, `probe`, `host`, `check`,
 * `history` and `rules` say the same thing the same way.
 */
import { UserError } from '../contracts/errors.js';
import { L } from './i18n.js';

/** `DIR` (a positional or --dir) does not exist. */
export function noSuchDirectory(dirArg: string): UserError {
  return new UserError(L(`cannot read ${dirArg}: no such directory`, `${dirArg} を読めません: ディレクトリがありません`));
}

/** `DIR` exists but is a file; `command` reads a directory. */
export function notADirectory(dirArg: string, command: string): UserError {
  return new UserError(
    L(
      `${dirArg} is not a directory (${command} reads a repository or deployment directory)`,
      `${dirArg} はディレクトリではありません (${command} はリポジトリかデプロイ先のディレクトリを読みます)`,
    ),
  );
}

/** `--config FILE` does not exist. */
export function noSuchConfig(file: string): UserError {
  return new UserError(L(`cannot read config ${file}: no such file`, `設定ファイル ${file} を読めません: ファイルがありません`));
}

/** An option's file (`--host-facts FILE`, `--ca FILE` …) does not exist. */
export function noSuchFile(flag: string, file: string): UserError {
  return new UserError(L(`cannot read ${flag} ${file}: no such file or directory`, `${flag} ${file} を読めません: ファイルもディレクトリもありません`));
}

/** More positionals than the command takes. */
export function oneDirectory(command: string, n: number): UserError {
  return new UserError(L(`${command} takes one directory, not ${n} (see ${command} --help)`, `${command} に指定できるディレクトリは 1 つです (${n} 個指定されました。${command} --help を参照)`));
}
