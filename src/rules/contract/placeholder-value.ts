import { isPlaceholder, isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';

/**
 * Surfaces whose placeholders another rule already reports: env files (env/placeholder-value) and
 * ECS task definitions (tf-aws/ecs-placeholder-value). In compose files, secret-named variables are
 * judged by compose/placeholder-secret and compose/weak-database-password; this rule keeps the
 * other variables (endpoints, domains, e-mail addresses) and empty required values.
 */
export const OWN_PLACEHOLDER_RULE: Record<string, string> = { dotenv: 'env/placeholder-value', terraform: 'tf-aws/ecs-placeholder-value' };
export const OWN_SECRET_PLACEHOLDER_RULE: Record<string, string> = { compose: 'compose/placeholder-secret' };

/** Words isPlaceholder accepts that are ordinary values for keys that are not secrets (`CACHE=none`, `LOG_FORMAT=default`). */
const ORDINARY = new Set(['none', 'null', 'nil', 'undefined', 'empty', 'n/a', 'na', 'default', 'test', 'testing', 'value', 'string', 'key', 'token', 'password', 'secret', 'foo', 'bar', 'baz', 'foobar', 'example', 'sample', 'mock', 'fake', 'redacted']);

function placeholderFor(name: string, value: string): boolean {
  const v = value.trim();
  if (!v) return false;
  if (isSecretName(name)) return isPlaceholder(v) || weakSecretReason(v) === 'placeholder';
  return isPlaceholder(v) && !ORDINARY.has(v.toLowerCase()) && !/^[*.\-#0-9]+$/.test(v);
}

export default defineRule({
  id: 'contract/placeholder-value',
  severity: 'high',
  facts: ['envContract'],
  title: {
    en: 'Deployment surface provides a placeholder value',
    ja: 'デプロイ設定がプレースホルダーの値を渡している',
  },
  description: {
    en: 'A compose file, Kubernetes manifest or systemd unit of the target environment sets a variable to a template placeholder (`your_smtp_password`, `<token>`, `changeme`, `xxx`), or sets a variable the code needs without a default to an empty string. The app starts, and the feature fails at its first use — or, for a secret, runs with a guessable value. High when the code reads the variable or its name is a secret, medium otherwise. Env files and ECS task definitions have their own rules (env/placeholder-value, tf-aws/ecs-placeholder-value) and are left to them, as are env_file / EnvironmentFile= values that come from an env file and secret-named placeholders in compose files (compose/placeholder-secret).',
    ja: 'ターゲット環境の compose ファイル、Kubernetes マニフェスト、systemd ユニットが、変数にテンプレートのプレースホルダー (`your_smtp_password`、`<token>`、`changeme`、`xxx`) を設定しているか、コードが既定値なしで必要とする変数を空文字列にしています。アプリは起動しますが、その機能は最初に使われた時点で失敗し、秘密値なら推測可能な値で動き続けます。コードがその変数を読んでいるか、名前が秘密値を示す場合は high、それ以外は medium です。env ファイルと ECS タスク定義には専用のルール (env/placeholder-value、tf-aws/ecs-placeholder-value) があるため対象外で、env_file / EnvironmentFile= で env ファイルから来る値や、compose ファイルの秘密値の名前を持つ変数のプレースホルダー (compose/placeholder-secret) も同様です。',
  },
  fix: {
    en: 'Set the real value for the target environment — for a secret through the surface\'s secrets mechanism (compose `secrets`, a Kubernetes Secret with `secretKeyRef`, systemd `LoadCredential=`) — or remove the line so that a missing value fails at start-up.',
    ja: 'ターゲット環境用の本物の値を設定してください。秘密値は設定ファイルのシークレットの仕組み (compose の `secrets`、Kubernetes の Secret と `secretKeyRef`、systemd の `LoadCredential=`) で渡します。または行を削除し、値がないときは起動時に失敗するようにします。',
  },
  references: { cwe: ['CWE-1188', 'CWE-798'], equivalents: ['seed S4.4'] },
  check(facts, ctx) {
    for (const c of facts.envContract) {
      const envFiles = new Set([...c.surfaces, ...c.otherSurfaces, ...c.templates].filter((s) => s.fact === 'dotenv').map((s) => s.file));
      const vars = new Map(c.variables.map((v) => [v.name, v]));
      for (const s of c.surfaces) {
        if (OWN_PLACEHOLDER_RULE[s.fact]) continue;
        for (const p of s.provides) {
          if (p.value === undefined || p.viaSecretStore) continue;
          if (envFiles.has(p.file)) continue; // an env file's own line: env/placeholder-value
          const v = vars.get(p.name);
          const secret = isSecretName(p.name);
          const empty = p.value.trim() === '' && !!v && v.requiredReads.length > 0 && !v.platform;
          if (!empty && (!placeholderFor(p.name, p.value) || (secret && OWN_SECRET_PLACEHOLDER_RULE[s.fact]))) continue;
          const important = secret || (!!v && v.reads.length > 0);
          ctx.report({
            file: p.file,
            line: p.line,
            column: p.column,
            key: p.name,
            severity: important ? 'high' : 'medium',
            message: empty
              ? {
                  en: `${p.name} is set to an empty string in ${s.label}, but the code reads it without a default`,
                  ja: `${s.label} で ${p.name} が空文字列になっていますが、コードは既定値なしでこの変数を読んでいます`,
                }
              : {
                  en: `${p.name} is still a placeholder in ${s.label} (${p.value.trim().length} characters), not a real ${secret ? 'secret' : 'value'}${v?.reads.length ? ' — the code reads it' : ''}`,
                  ja: `${s.label} の ${p.name} がプレースホルダーのままで、本物の${secret ? '秘密値' : '値'}ではありません (${p.value.trim().length} 文字)${v?.reads.length ? '。コードがこの変数を読んでいます' : ''}`,
                },
            secrets: secret && p.value ? [p.value] : undefined,
          });
        }
      }
    }
  },
});
