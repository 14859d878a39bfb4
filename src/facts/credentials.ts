/** Fact `credentials`: known credential formats found in a file by secretlint (collected by src/collect/secretlint.ts). */
import type { EnvName, Localized } from '../contracts/types.js';

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

/** The credentials found in one file (only files with at least one). */
export interface CredentialsFact {
  file: string;
  environment: EnvName;
  /** Git would not commit the file. */
  gitIgnored: boolean;
  gitTracked?: boolean;
  hits: CredentialHit[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    credentials: CredentialsFact;
  }
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
