/**
 * Collector `credentials`: known credential formats in any file, found by in-process
 * `@secretlint/core` with the recommended preset — loaded lazily on the first file, configured
 * once, run once per file. The CLI re-globs and re-reads per run and is
 * quadratic in the number of files; calling the core per file keeps honban linear.
 */
import type { Collector } from '../contracts/collector.js';
import type { CredentialHit } from '../facts/credentials.js';


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
let cachedChars = 0;
/**
 * The memo holds the texts it compares: bounded by their size, not only their number — a worker
 * that linted every file of a large tree kept all their texts (20 MB of an 8,000-file scan's peak).
 */
const CACHE_CHARS = 4 * 1024 * 1024;

/**
 * Every rule of the recommended preset reports only text that holds one of these — a literal of its
 * pattern (AWS key id prefixes and key names, `PRIVATE KEY`, the token prefixes of GitHub, npm,
 * Slack, OpenAI, Anthropic, Linear, SendGrid, Shopify, 1Password, Slack webhooks) or, for the rules
 * on URLs (basic auth, database connection strings: reported only with a user and a password), `://`
 * followed by a user-info part and `@` within 513 characters that hold no `/` or white space — with
 * the case variants each rule accepts (a superset of each rule). A text that holds none cannot give
 * a hit and is not linted: secretlint costs ~25 ms per MB, mostly spent on texts of no interest
 * (netbox: 10 MB of translation catalogues). The preset's rules are listed in RULES_COVERED; a test
 * fails when an upgrade of the preset brings one this list was not checked against, and every rule
 * case that reads credentials is run again with the check off and must give the same findings.
 * JSON files are always linted: the GCP rule parses them (a key's escapes need not be literal).
 */
const MAY_HOLD_CREDENTIAL = /:\/\/[^\s/]{1,513}@|x-oauth-basic@|[Hh][Oo][Oo][Kk][Ss]\.[Ss][Ll][Aa][Cc][Kk]\.[Cc][Oo][Mm]|A3T|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA|(?:SECRET|[Ss]ecret)_?(?:ACCESS|[Aa]ccess)_?(?:KEY|[Kk]ey)|(?:ACCOUNT|[Aa]ccount)_?(?:ID|[Ii]d)?["']?\s*(?::|=>|=)|PRIVATE KEY|_authToken=|npm_|gh[pousr]_|github_pat_|xox[bpaor]-|xapp-|T3BlbkFJ|sk-ant-api0|lin_api_|SG\.|shp(?:pa|ca|at|ss)_|ops_ey/;

/** The preset's rules MAY_HOLD_CREDENTIAL was written for (`@secretlint/secretlint-rule-` left out). */
export const RULES_COVERED = ['1password', 'anthropic', 'aws', 'basicauth', 'database-connection-string', 'filter-comments', 'gcp', 'github', 'linear', 'npm', 'openai', 'privatekey', 'sendgrid', 'shopify', 'slack'];

/** Whether a rule of the preset could report anything in `content` (false: it cannot). */
export function mayHoldCredential(path: string, content: string): boolean {
  return /\.json$/i.test(path) || MAY_HOLD_CREDENTIAL.test(content);
}

/**
 * Known credential formats in `content` (path is used by file-specific rules such as .npmrc).
 * `exhaustive`: lint even a text that cannot hold one (how tests prove the check loses nothing).
 */
export function findCredentials(path: string, content: string, exhaustive = false): Promise<CredentialHit[]> {
  if (!exhaustive && !mayHoldCredential(path, content)) return Promise.resolve([]);
  const c = cache.get(path);
  if (c && c.content === content) return c.hits;
  const hits = lint(path, content);
  // Bounded: a long-lived process (an editor, repeated library scans) must not keep every file.
  if (cache.size >= 50_000 || cachedChars + content.length > CACHE_CHARS) {
    cache.clear();
    cachedChars = 0;
  }
  if (c) cachedChars -= c.content.length;
  cache.set(path, { content, hits });
  cachedChars += content.length;
  return hits;
}

async function lint(path: string, content: string): Promise<CredentialHit[]> {
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

const collector: Collector<'credentials'> = {
  fact: 'credentials',
  kinds: [],
  async collect(file, ctx) {
    if (!file.content) return undefined;
    const hits = await findCredentials(file.path, file.content, ctx.exhaustive);
    // A file without credentials still gets its (empty) fact: "nothing found" is an answer, and
    // tells a reader of the facts the file was scanned (the pathological-input test holds every
    // collector to facts or an error entry).
    for (const h of hits) ctx.registerSecret(h.value);
    return {
      file: file.path,
      environment: file.environment,
      gitIgnored: file.gitIgnored,
      ...(file.gitTracked !== undefined ? { gitTracked: file.gitTracked } : {}),
      hits,
    };
  },
};
export default collector;
