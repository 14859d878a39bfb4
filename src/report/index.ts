import type { Report } from '../contracts/types.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'junit', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Renders a report; every format is a pure function of the Report. */
export function render(report: Report, format: Format, opts: { color?: boolean } = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'junit':
      return formatJunit(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'pretty':
      return formatPretty(report, { color: opts.color ?? false });
    case 'html':
      return formatHtml(report);
  }
}

export { formatHtml, formatJson, formatJunit, formatMarkdown, formatPretty, formatSarif };
