import { readFile } from 'node:fs/promises';
import { UserError } from '../contracts/errors.js';
import { L } from '../lib/i18n.js';
import type { Report } from '../contracts/types.js';
import { failsAt } from '../engine/report.js';
import { emit, emitReport, parse, resolveFailOn, resolveFormat, resolveLang } from './common.js';
import { CONVERT_HELP } from './help.js';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  rule: { type: 'string', multiple: true },
  'skip-rule': { type: 'string', multiple: true },
  'min-severity': { type: 'string' },
  'sarif-root': { type: 'string' },
} as const;

/** `honban convert REPORT.json --format FORMAT`: one saved report, rendered again (Trivy's `convert`). */
export async function convertCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, OPTIONS, 'convert');
  if (values.help) {
    await emit(CONVERT_HELP[resolveLang(values.lang)], undefined);
    return 0;
  }
  if (positionals.length !== 1) throw new UserError(L('honban convert takes one JSON report (see honban convert --help)', 'honban convert には JSON レポートを 1 つ指定します (honban convert --help を参照)'));
  const file = positionals[0]!;
  const format = resolveFormat(values.format);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError(L(`cannot read ${file}: ${why}`, `${file} を読めません: ${why}`));
  }
  let report: Report;
  try {
    report = JSON.parse(text) as Report;
  } catch {
    throw new UserError(L(`${file} is not JSON`, `${file} は JSON ではありません`));
  }
  if (report?.schemaVersion !== 1 || report.tool?.name !== 'honban' || !Array.isArray(report.findings) || !Array.isArray(report.rules)) {
    throw new UserError(L(`${file} is not a honban JSON report (written with --format json)`, `${file} は honban の JSON レポート (--format json で書いたもの) ではありません`));
  }
  if (values['fail-on'] !== undefined) {
    const failOn = resolveFailOn(values['fail-on']);
    report = { ...report, failOn, exitCode: report.exitCode === 2 ? 2 : report.findings.some((f) => f.status === 'open' && failsAt(f.severity, failOn)) ? 1 : 0 };
  }
  return emitReport(report, format, values);
}
