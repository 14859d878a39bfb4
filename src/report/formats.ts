/**
 * The report formats and, for the command line, each format's renderer loaded on first use: a run
 * renders one format, so the other seven reporters are never loaded (start-up time). `render()` in
 * index.ts is the same dispatch, synchronous, for the library API.
 */
import type { Report } from '../contracts/types.js';

export const FORMATS = ['pretty', 'json', 'sarif', 'junit', 'markdown', 'github', 'gitlab', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  /** ANSI colours (pretty). */
  color?: boolean;
  /**
   * Absolute directory the paths of SARIF, GitHub, GitLab, JUnit and Markdown output are relative
   * to: the repository root (CI systems and pull requests resolve paths from it). Default: the
   * report's own root. Pretty and JSON keep the report's paths.
   */
  root?: string;
}

/** Renders a report, loading only the chosen format's reporter. */
export async function renderLazily(report: Report, format: Format, opts: RenderOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).formatJson(report);
    case 'sarif':
      return (await import('./sarif.js')).formatSarif(report, { root: opts.root });
    case 'junit':
      return (await import('./junit.js')).formatJunit(report, { root: opts.root });
    case 'markdown':
      return (await import('./markdown.js')).formatMarkdown(report, { root: opts.root });
    case 'github':
      return (await import('./github.js')).formatGithub(report, { root: opts.root });
    case 'gitlab':
      return (await import('./gitlab.js')).formatGitlab(report, { root: opts.root });
    case 'pretty':
      return (await import('./pretty.js')).formatPretty(report, { color: opts.color ?? false });
    case 'html':
      return (await import('./html.js')).formatHtml(report);
  }
}
