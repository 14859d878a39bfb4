/**
 * Shared judgement of secret-looking keys and values. Every domain (env files, compose, code,
 * Terraform, systemd, honban env) uses these, so one key is judged the same way everywhere.
 * Nothing here returns or prints a value: only booleans and reason codes.
 */

import { parseBoolean } from './values.js';
import { isPasswordPlaceholder, urlPassword } from './url.js';

/** Key names that hold secrets: SECRET_KEY, DB_PASSWORD, api_key, STRIPE_TOKEN, private-key … */
const SECRET_WORDS = ['secret', 'passw(or)?d', 'passwd', 'pwd', 'token', 'api[_-]?key', 'apikey', 'private[_-]?key', 'access[_-]?key', 'auth[_-]?key', 'credential', 'client[_-]?secret', 'signing[_-]?key', 'encryption[_-]?key', 'master[_-]?key', 'session[_-]?key', 'salt', 'dsn$', 'webhook[_-]?url', 'connection[_-]?string'];
const SECRET_NAME = new RegExp(`(${SECRET_WORDS.join('|')})`, 'i');
/**
 * Source text in which a name SECRET_NAME accepts is given a string literal: `password = '…'`,
 * `'api_key': '…'`, `token: str = '…'`, `config['SECRET_KEY'] = (\n '…'`.
 * A cheap check over a whole file (collect/python/relevance.ts): linear, and errs towards a match.
 */
export const SECRET_NAME_GIVEN_STRING: RegExp = (() => {
  const str = String.raw`[\\\s]*(\(\s*)?[rRbBuUfF]{0,2}['"]`;
  const words = SECRET_WORDS.map((w) => w.replace(/\$$/, '')).join('|');
  return new RegExp(String.raw`(${words})[\w-]{0,100}['"]?\]?\s*(=|:(?=${str})|:[^=\n]{0,80}=)${str}`, 'i');
})();
/** Keys that match the pattern but are not secrets (fixed suffixes). */
const NOT_SECRET_NAME = /(_file|_path|_dir|_url_file|_length|_len|_min|_max|_ttl|_timeout|_lifetime|_age|_algorithm|_alg|_header|_name|_type|_enabled|_required|_policy|_id|_uri_file|^token_url|_endpoint|_field|_param|_cookie_name|_prefix|_charset|_alphabet|_chars|_characters|_label|_placeholder|_hint|_permissions?|_scopes?|_roles?|_actions?)$/i;
/** … and suffixes followed by any word characters (`_expires_at`, `_rotation_days`). */
const NOT_SECRET_STEMS = ['_expir', '_rotation'];
const SETTING_PREFIX = /^(max|min|use|enable|disable|require|allow|num|default)[_-]/i;
const SETTING_SUFFIX = /[_-](rounds|count|size|limit|bytes|length|bits|version|strategy|mode|store|backend|scheme|format|source)$/i;
const TOKEN_COUNT = /^(max|min)_?tokens?$/i;
const SECRET_SETTING = /^(password|token|secret)_(hashers?|validators?|reset\w*|expiry|lifetime|min\w*|max\w*)$/i;

/**
 * Every regular expression of this module, for the test that times each on 1 MiB values: they must
 * stay linear (no `.*` before a suffix, no nested quantifiers).
 */
export const NAME_PATTERNS: readonly RegExp[] = [SECRET_NAME, SECRET_NAME_GIVEN_STRING, NOT_SECRET_NAME, SETTING_PREFIX, SETTING_SUFFIX, TOKEN_COUNT, SECRET_SETTING];

/** `stem` followed only by word characters up to the end (`/stem\w*$/` without its quadratic scan). */
function endsWithStem(k: string, stem: string): boolean {
  let start = k.length;
  while (start > 0 && /\w/.test(k[start - 1]!)) start--;
  return k.slice(start).toLowerCase().includes(stem);
}

/** Does this key name hold a secret? */
export function isSecretName(key: string): boolean {
  const k = key.trim();
  if (!SECRET_NAME.test(k)) return false;
  if (NOT_SECRET_NAME.test(k) || NOT_SECRET_STEMS.some((s) => endsWithStem(k, s))) return false;
  // MAX_TOKENS, BCRYPT_SALT_ROUNDS, USE_TOKEN_AUTH, TOKEN_COUNT … are settings about secrets.
  if (SETTING_PREFIX.test(k) || SETTING_SUFFIX.test(k)) return false;
  if (TOKEN_COUNT.test(k)) return false;
  // PASSWORD_HASHERS, TOKEN_EXPIRY … are settings about secrets, not secrets.
  if (SECRET_SETTING.test(k)) return false;
  return true;
}

export type NotASecretKind = 'flag' | 'number' | 'secret-file' | 'password-hash' | 'version-range' | 'keyword' | 'alphabet' | 'mask' | 'document-path' | 'own-name' | 'label';

/** Keywords that secret-named keys take as settings, not secrets (by key, lower case). */
const KEYWORD_VALUES: [RegExp, RegExp][] = [
  // GitHub Actions `permissions: { id-token: write }`
  [/^(id-token|contents|packages|actions|checks|deployments|issues|pull-requests|statuses|security-events|attestations|pages|discussions|repository-projects|token)$/i, /^(read|write|none|read-all|write-all)$/i],
  // Fetch API `credentials: 'same-origin'`, axios / ky `withCredentials`
  [/^credentials?$/i, /^(omit|same-origin|include|true|false)$/i],
  // auth schemes and token types
  [/token[_-]?type|auth[_-]?(scheme|type)|token$/i, /^(bearer|basic|jwt|mac|opaque|digest|hmac)$/i],
];

/**
 * Values that are not a usable secret whatever their key: a hash of a password (`pbkdf2_sha256$…`,
 * `$2b$12$…`), a version range (`^9.0.2`), a permission or mode keyword (`id-token: write`,
 * `credentials: 'same-origin'`), an alphabet a generator draws from, a display mask (`***CHANGED***`),
 * a path to a document (`models/users/token.md`), or — in code — one of the key's own words
 * (`REQUEST_TOKEN = 'request'`). Returns what it is, or undefined.
 */
export function notASecretValue(key: string, value: string, opts: { code?: boolean } = {}): NotASecretKind | undefined {
  const v = value.trim();
  // None of these kinds is long; bounding the length keeps every pattern below cheap on hostile input.
  if (!v || v.length > 256 || key.length > 256) return undefined;
  // Flags and small numbers (`SECRET_KEY_BASE_DUMMY=1`, `TOKEN_TTL=3600`).
  if (parseBoolean(v) !== undefined || /_DUMMY$/i.test(key)) return 'flag';
  if (/^\d{1,6}$/.test(v)) return 'number';
  // A path to a secret file (`/run/secrets/db_password`) is where the secret is, not the secret.
  if (/^\/(run|var\/run)\/secrets\//.test(v)) return 'secret-file';
  // Password hashes: Django (algorithm$iterations$salt$hash), modular crypt ($2b$, $argon2id$, $6$), LDAP {SSHA}.
  if (/^(pbkdf2_sha(1|256)|bcrypt(_sha256)?|argon2|scrypt|sha1|md5|unsalted_md5|crypt)\$[^\s$]*\$/.test(v)) return 'password-hash';
  if (/^\$(2[abxy]?|argon2(id|i|d)|[156]|scrypt|pbkdf2[-\w]*|y|gy|7)\$[^\s]+\$[^\s]+$/.test(v)) return 'password-hash';
  if (/^\{(SSHA|SHA|SSHA256|SSHA512|CRYPT|MD5|SMD5|PBKDF2[-\w]*)\}[A-Za-z0-9+/=.$]+$/.test(v)) return 'password-hash';
  // Version ranges of package manifests: ^9.0.2, ~4.18.1, >=1.2 <2, 1.x, workspace:*, npm:pkg@^1.
  const VERSION = /^(?:[~^]|[<>]=?|=)?\s*v?\d+(?:\.(?:\d+|x|\*))*(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?(?:\s*(?:\|\||[<>]=?|-)\s*v?\d+(?:\.(?:\d+|x|\*))*(?:-[0-9A-Za-z.-]+)?)*$/;
  // A bare number (`12345678`) is a weak secret, not a version: a range operator or a dot is needed.
  if (VERSION.test(v) && (/^[~^<>=]/.test(v) || /\d\.(\d|x|\*)/.test(v))) return 'version-range';
  if (/^(workspace|npm|link|file|portal|patch|catalog):\S*$/.test(v) || v === '*' || v === 'latest' || v === 'next') return 'version-range';
  for (const [k, values] of KEYWORD_VALUES) if (k.test(key) && values.test(v)) return 'keyword';
  // An alphabet: long runs of consecutive letters or digits (abcdefgh…, 0123456789).
  if (v.length >= 20 && /abcdefghij|ABCDEFGHIJ|0123456789/.test(v)) return 'alphabet';
  // A display mask: ***CHANGED***, ********, [REDACTED], <hidden>.
  if (/^\*{2,}[^*]*\*{2,}$/.test(v) || /^\*{3,}$/.test(v) || /^[[(<]?(redacted|hidden|masked|filtered|censored)[\])>]?$/i.test(v)) return 'mask';
  // A path to a document or page (mkdocs nav, sitemaps): no blanks, a directory and a document extension.
  if (!/\s/.test(v) && /^[\w@.-]+(\/[\w@.-]+)*\.(md|markdown|rst|html?|txt|adoc|ipynb|pdf)$/i.test(v)) return 'document-path';
  // A label in Japanese, Chinese or Korean (`secretSame: '秘密値、同じ値'`, UI text about secrets): words,
  // not a credential — unless a long ASCII run in it could be one.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(v) && !/[A-Za-z0-9+/=_-]{8}/.test(v)) return 'label';
  // In code, one of the key's own words: REQUEST_TOKEN = 'request', PASSWORD_FIELD = 'password'.
  // (In configuration a password equal to a word of its key — WORDPRESS_DB_PASSWORD=wordpress — is a weak password.)
  if (!opts.code) return undefined;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  if (/^[a-z]+$/i.test(v) && words.includes(v.toLowerCase())) return 'own-name';
  return undefined;
}

/** Values that only stand in for a real one: templates, examples, TODOs. */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^your[_\-\s.]?.*(here|key|secret|password|token|id|name)?$/i, // your_openai_api_key_here, your-secret
  /^(put|insert|enter|add|replace|paste|set)[_\-\s].*(here)?$/i, // put_your_key_here, replace-me
  /[_\-\s]here$/i, // api_key_here (no leading `.*`: that made every value quadratic)
  /^<[^<>]+>$/, // <your-key>
  /^\{\{.*\}\}$/, // {{ SECRET }} (template to be rendered)
  /^\$\{[^}]+\}$/, // ${SECRET} (a reference, judged elsewhere)
  /^x{3,}$/i, // xxx, XXXXXXXX
  /^(\*{3,}|\.{3,}|-{3,}|#{3,}|0{4,}|1234(5678?)?9?0?|abc(def)?(123)?)$/i,
  /^(todo|tbd|fixme|changeme|change[_\-\s]?me|change[_\-\s]?this|replace[_\-\s]?me|fill[_\-\s]?me|fill[_\-\s]?in|update[_\-\s]?me|dummy|example|sample|placeholder|none|null|nil|undefined|empty|n\/a|na|default|test|testing|foo|bar|baz|foobar|fake|mock|redacted|secret|password|token|key|value|string|my[_\-]?secret|my[_\-]?password|mysecret|mypassword)$/i,
  /^(dummy|example|sample|placeholder|fake|mock|test)[_\-\s.]/i, // dummy_key, example-token
  /[_\-\s.](dummy|example|placeholder|changeme|change[_\-]me)$/i,
];

/** Is this value a placeholder (`your_api_key_here`, `xxx`, `<token>`, `changeme`, `dummy` …)? */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  return PLACEHOLDER_PATTERNS.some((re) => re.test(v));
}

/** Well-known weak or default secret values seen in tutorials, seeds and framework defaults. */
const WELL_KNOWN = new Set(
  [
    'change-me', 'changeme', 'change_me', 'change-me-locally', 'change-me-in-production', 'changeit', 'secret', 'secretkey',
    'secret-key', 'secret_key', 'mysecret', 'mysecretkey', 'supersecret', 'super-secret', 'supersecretkey', 'topsecret',
    'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password1', 'password123', 'pass', 'pass123', 'admin', 'admin123',
    'root', 'toor', 'letmein', 'qwerty', '123456', '12345678', '123456789', '1234567890', 'test', 'testing', 'test123',
    'default', 'dev', 'development', 'devsecret', 'dev-secret', 'dev-secret-key', 'local', 'localsecret', 'hard-to-guess-string',
    'hard to guess string', 'you-will-never-guess', 'keyboard cat', 'keyboardcat', 'secure_password', 'securepassword',
    'postgres', 'mysql', 'redis', 'guest', 'user', 'demo', 'example', 'sample', 'foobar', 'not-a-secret', 'notsecret',
    'insecure', 'unsafe', 'ssh-secret', 'jwt-secret', 'jwtsecret', 'your-secret-key', 'yoursecretkey', 'abc123', 'xxx',
    'rails_secret', 'flask-secret', 'django-secret', 'session-secret', 'sessionsecret', 'cookie-secret', 'shhhh', 'shh',
    'run_worker',
  ].map((s) => s.toLowerCase()),
);

/** Words that make any value a well-known default. */
export const WEAK_WORDS = /(change[-_ ]?me|changeit|not[-_ ]?secret|insecure|dev[-_]?secret|replace[-_ ]?this)/i;

export type WeakReason = 'empty' | 'placeholder' | 'well-known' | 'django-insecure' | 'short' | 'low-entropy' | 'single-class';

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  if (!value) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  const n = [...value].length;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Character classes present: lower, upper, digit, symbol. */
export function charClasses(value: string): number {
  let n = 0;
  if (/[a-z]/.test(value)) n++;
  if (/[A-Z]/.test(value)) n++;
  if (/[0-9]/.test(value)) n++;
  if (/[^a-zA-Z0-9]/.test(value)) n++;
  return n;
}

export interface WeakOptions {
  /** Minimum length (default 32: `secrets.token_urlsafe(32)` / `openssl rand -hex 32` and seed 002's rule). */
  minLength?: number;
}

/**
 * Why a secret value is weak, or undefined when it looks strong. Checks, in order: empty,
 * placeholder, well-known default, `django-insecure-` prefix, too short, low entropy.
 */
export function weakSecretReason(value: string, opts: WeakOptions = {}): WeakReason | undefined {
  const v = value.trim();
  const minLength = opts.minLength ?? 32;
  if (!v) return 'empty';
  const lower = v.toLowerCase();
  if (WELL_KNOWN.has(lower)) return 'well-known';
  if (lower.startsWith('django-insecure-')) return 'django-insecure';
  if (isPlaceholder(v)) return 'placeholder';
  if (WEAK_WORDS.test(v)) return 'well-known';
  if (v.length < minLength) return 'short';
  // Random 32+ character secrets have ≥ 3.5 bits/char (hex ≈ 3.9, base64 ≈ 5.5).
  if (entropy(v) < 3.0) return 'low-entropy';
  if (charClasses(v) === 1 && !/^[0-9a-f]+$/i.test(v) && entropy(v) < 3.5) return 'single-class';
  return undefined;
}

/** Localized explanation of a weak-secret reason (never the value). */
export function weakReasonText(reason: WeakReason, length: number, minLength = 32): { en: string; ja: string } {
  switch (reason) {
    case 'empty':
      return { en: 'is empty', ja: 'が空です' };
    case 'placeholder':
      return { en: 'is a placeholder, not a real secret', ja: 'がプレースホルダーのままで、本物の秘密値ではありません' };
    case 'well-known':
      return { en: 'is a well-known default value that attackers try first', ja: 'が攻撃者が最初に試す既知のデフォルト値です' };
    case 'django-insecure':
      return { en: "is Django's generated development key (django-insecure-…)", ja: 'が Django の開発用に生成されたキー (django-insecure-…) です' };
    case 'short':
      return { en: `is too short (${length} characters; at least ${minLength} random characters needed)`, ja: `が短すぎます (${length} 文字。ランダムな ${minLength} 文字以上が必要です)` };
    case 'low-entropy':
      return { en: 'has too little randomness (repeated or predictable characters)', ja: 'のランダム性が低すぎます (同じ文字の繰り返しや予測しやすい並び)' };
    case 'single-class':
      return { en: 'uses a single character class and little randomness', ja: '1 種類の文字だけで構成され、ランダム性が低いです' };
  }
}

/** Is this path a secret-bearing file by its name (for COPY of single files)? */
export function sensitiveFileKind(path: string): SensitiveFileKind | undefined {
  const base = path.split('/').pop()!.toLowerCase();
  if (base === '.env' || (base.startsWith('.env.') && !/\.(example|sample|template|dist|tmpl|tpl|defaults|schema)$/.test(base)) || /^[^.].*\.env$/.test(base)) return 'env-file';
  if (PRIVATE_KEY_FILE.test(path) && !/\.pub$/.test(base)) return 'private-key';
  if (CREDENTIAL_FILE.test(path)) return 'credentials';
  return undefined;
}

/** The name of the credential format a value matches, if any. */
export function tokenFormatOf(value: string): string | undefined {
  for (const p of TOKEN_PATTERNS) if (p.re.test(value)) return p.name;
  const pw = urlPassword(value, { anywhere: true });
  if (pw !== undefined && !isPasswordPlaceholder(pw)) return 'URL with an inline password';
  return undefined;
}

/** Secret-looking values by format (used for masking; the rules judge). */
export const TOKEN_PATTERNS: { name: string; re: RegExp; }[] = [
  { name: 'AWS access key id', re: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { name: 'GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { name: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { name: 'Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { name: 'Stripe key', re: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b/ },
  { name: 'OpenAI API key', re: /\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}\b/ },
  { name: 'Anthropic API key', re: /\bsk-ant-[A-Za-z0-9_-]{20,}\b/ },
  { name: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: 'SendGrid API key', re: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\b/ },
  { name: 'Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/]+/ },
  { name: 'private key', re: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
];

/** Files that hold secrets by their name alone. */
export type SensitiveFileKind = 'env-file' | 'private-key' | 'credentials';
const PRIVATE_KEY_FILE = /(^|\/)(id_(rsa|dsa|ecdsa|ed25519)|[^/]+\.(pem|key|p12|pfx|jks|keystore))$/i;
const CREDENTIAL_FILE = /(^|\/)(\.npmrc|\.pypirc|\.netrc|\.git-credentials|credentials\.json|service[-_]?account[^/]*\.json|\.aws\/credentials|\.docker\/config\.json|\.htpasswd)$/i;

/**
 * Credentials recognisable by their shape, whatever the key is called: `NOTIFY_URL` holding a Slack
 * webhook, `AUTH_HEADER=Bearer eyJ…`, `BUCKET_ID=AKIA…`. The synchronous paths that display values
 * (`env --explain`, `diff`) hide them: every format of `TOKEN_PATTERNS`, and these shapes that are
 * credentials to display but not findings of their own. Each is linear (no nested quantifiers),
 * and at most the first 64 KiB of a value is looked at.
 */
export const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /https:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/[A-Za-z0-9]/, // Slack workflow webhook
  /https:\/\/(?:discord(?:app)?\.com\/api\/webhooks|[\w-]+\.webhook\.office\.com\/webhookb2)\/[\w-]/, // Discord / Teams webhook
  /(?:^|[^\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\./, // JWT
  /(?:^|[^\w])Bearer\s+[A-Za-z0-9._~+/-]{20,}/i, // Authorization: Bearer …
];

/** Does this value have the shape of a known credential (whatever its key)? */
export function looksLikeCredential(value: string): boolean {
  if (value.length < 16) return false;
  const v = value.length > 65_536 ? value.slice(0, 65_536) : value;
  return TOKEN_PATTERNS.some((p) => p.re.test(v)) || CREDENTIAL_PATTERNS.some((re) => re.test(v));
}
