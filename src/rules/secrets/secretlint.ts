/**
 * In-process `@secretlint/core` with the recommended preset (not a rule): loaded lazily on the
 * first file, configured once, run once per file. The CLI re-globs and re-reads per run and is
 * quadratic in the number of files; calling the core per file keeps honban linear.
 */
import type { Localized } from '../../contracts/types.js';

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
  const hits = lint(path, content);
  // Bounded: a long-lived process (an editor, repeated library scans) must not keep every file.
  if (cache.size >= 50_000) cache.clear();
  cache.set(path, { content, hits });
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

/** Names of the credential types the preset finds. */
const TYPES: Record<string, Localized> = {
  AWSSecretAccessKey: { en: 'AWS secret access key', ja: 'AWS シークレットアクセスキー' },
  AWSAccessKeyID: { en: 'AWS access key ID', ja: 'AWS アクセスキー ID' },
  AWSAccountID: { en: 'AWS account ID', ja: 'AWS アカウント ID' },
  PrivateKeyP12: { en: 'GCP service account key (p12)', ja: 'GCP サービスアカウントの秘密鍵 (p12)' },
  PrivateKeyJSON: { en: 'GCP service account key (JSON)', ja: 'GCP サービスアカウントの秘密鍵 (JSON)' },
  PackageJSON_xOauthToken: { en: 'OAuth token in a package URL', ja: 'パッケージ URL 内の OAuth トークン' },
  Npmrc_authToken: { en: 'npm auth token', ja: 'npm 認証トークン' },
  NPM_ACCESS_TOKEN: { en: 'npm access token', ja: 'npm アクセストークン' },
  SLACK_TOKEN: { en: 'Slack token', ja: 'Slack トークン' },
  IncomingWebhook: { en: 'Slack incoming webhook URL', ja: 'Slack Incoming Webhook の URL' },
  BasicAuth: { en: 'user name and password in a URL', ja: 'URL 内のユーザー名とパスワード' },
  OPENAI_TOKEN: { en: 'OpenAI API key', ja: 'OpenAI API キー' },
  ANTHROPIC_API_KEY: { en: 'Anthropic API key', ja: 'Anthropic API キー' },
  LINEAR_API_TOKEN: { en: 'Linear API key', ja: 'Linear API キー' },
  PrivateKey: { en: 'private key', ja: '秘密鍵' },
  SENDGRID_KEY: { en: 'SendGrid API key', ja: 'SendGrid API キー' },
  SHOPIFY_KEY: { en: 'Shopify access token', ja: 'Shopify アクセストークン' },
  GITHUB_TOKEN: { en: 'GitHub token', ja: 'GitHub トークン' },
  OPS_TOKEN: { en: '1Password service account token', ja: '1Password サービスアカウントトークン' },
  MongoDBConnection: { en: 'MongoDB connection string with a password', ja: 'パスワード付きの MongoDB 接続文字列' },
  MySQLConnection: { en: 'MySQL connection string with a password', ja: 'パスワード付きの MySQL 接続文字列' },
  PostgreSQLConnection: { en: 'PostgreSQL connection string with a password', ja: 'パスワード付きの PostgreSQL 接続文字列' },
};

/** A database password or URL credentials: usable only with network access to the service. */
export const NETWORK_BOUND = new Set(['MongoDBConnection', 'MySQLConnection', 'PostgreSQLConnection', 'BasicAuth', 'AWSAccountID']);

export function credentialType(hit: Pick<CredentialHit, 'messageId' | 'ruleId'>): Localized {
  const known = TYPES[hit.messageId];
  if (known) return known;
  const provider = hit.ruleId.replace(/^@secretlint\/secretlint-rule-/, '').replace(/^secretlint-rule-/, '');
  return { en: `${provider} credential`, ja: `${provider} の認証情報` };
}
