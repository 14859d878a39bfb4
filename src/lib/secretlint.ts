/**
 * In-process `@secretlint/core` with the recommended preset: loaded lazily on the first file,
 * configured once, run once per file. The CLI re-globs and re-reads per run and is quadratic in the
 * number of files; calling the core per file keeps honban linear. The credentials collector runs it
 * (in the workers, cached per file); rules read its facts.
 */

export interface CredentialHit {
  /** secretlint message id (AWSSecretAccessKey, GITHUB_TOKEN, …). */
  messageId: string;
  ruleId: string;
  /** The matched text (a secret: never print it). */
  value: string;
  line: number;
  /** 1-based. */
  column: number;
  endLine: number;
  endColumn: number;
}

type LintSource = typeof import('@secretlint/core').lintSource;
type Config = import('@secretlint/types').SecretLintCoreConfig;

let loaded: Promise<{ lintSource: LintSource; config: Config }> | undefined;

function load(): Promise<{ lintSource: LintSource; config: Config }> {
  loaded ??= (async () => {
    const [{ lintSource }, preset] = await Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]);
    await silenceProfiler();
    const config: Config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] };
    return { lintSource, config };
  })();
  return loaded;
}

/**
 * `@secretlint/core` marks every file and rule on the global performance timeline, and its profiler
 * (a PerformanceObserver) turns each end mark into a measure that looks the start mark up by name
 * among all marks so far: the cost per file grows with the number of files already linted — the
 * reason the secretlint CLI is quadratic. Nobody reads those measures in-process, so the shared
 * profiler instance is turned into a no-op. If the module cannot be reached (another package
 * layout), linting still works, only slower.
 */
async function silenceProfiler(): Promise<void> {
  try {
    const mod = (await import('@secretlint/profiler' as string)) as { secretLintProfiler?: { mark?: unknown } };
    if (mod.secretLintProfiler && typeof mod.secretLintProfiler.mark === 'function') mod.secretLintProfiler.mark = () => {};
  } catch {
    // keep secretlint's default behaviour
  }
}

/** One secretlint run per file and content, shared by the rules that need it. */
const cache = new Map<string, { content: string; hits: Promise<CredentialHit[]> }>();

/** Known credential formats in `content` (path is used by file-specific rules such as .npmrc). */
export function findCredentials(path: string, content: string): Promise<CredentialHit[]> {
  const c = cache.get(path);
  if (c && c.content === content) return c.hits;
  const hits = lintCredentials(path, content);
  // Bounded: a long-lived process (an editor, repeated library scans) must not keep every file.
  if (cache.size >= 50_000) cache.clear();
  cache.set(path, { content, hits });
  return hits;
}

/** Known credentials in one file, without the memo of findCredentials (a collector runs once per file). */
export async function lintCredentials(path: string, content: string): Promise<CredentialHit[]> {
  const { lintSource, config } = await load();
  const ext = path.includes('.') ? path.slice(path.lastIndexOf('.')) : '';
  const result = await lintSource({
    source: { content, filePath: path, ext, contentType: 'text' },
    options: { config, maskSecrets: true, locale: 'en' },
  });
  const hits: CredentialHit[] = [];
  for (const m of result.messages) {
    const [start, end] = m.range;
    hits.push({
      messageId: m.messageId,
      ruleId: m.ruleId,
      value: content.slice(start, end),
      line: m.loc.start.line,
      column: m.loc.start.column + 1,
      endLine: m.loc.end.line,
      endColumn: m.loc.end.column + 1,
    });
  }
  return hits;
}


/** The key a credential is assigned to on its line (`AWS_SECRET_ACCESS_KEY=…`, `"token": "…"`, `password: …`). */
export function keyBefore(lineText: string, column: number): string | undefined {
  const before = lineText.slice(0, column - 1);
  const m = /["']?([A-Za-z_][\w.-]*)["']?\s*(?:=|:|=>)\s*["'`]?$/.exec(before);
  return m?.[1];
}

/** Line `line` (1-based) of `content`, without its line break. */
export function lineAt(content: string, line: number): string {
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = content.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = content.indexOf('\n', start);
  return content.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}
