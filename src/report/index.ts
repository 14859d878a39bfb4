import type { Report } from '../contracts/types.js';
import { formatHtml } from './html.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

export { FORMATS, type Format, type RenderOptions } from './formats.js';
import type { Format, RenderOptions } from './formats.js';

/** Renders a report; every format is a pure function of the Report. */
export function render(report: Report, format: Format, opts: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, { root: opts.root });
    case 'junit':
      return formatJunit(report, { root: opts.root });
    case 'markdown':
      return formatMarkdown(report, { root: opts.root });
    case 'github':
      return formatGithub(report, { root: opts.root });
    case 'gitlab':
      return formatGitlab(report, { root: opts.root });
    case 'pretty':
      return formatPretty(report, { color: opts.color ?? false });
    case 'html':
      return formatHtml(report);
  }
}

export { formatGithub, formatGitlab, formatHtml, formatJson, formatJunit, formatMarkdown, formatPretty, formatSarif };
