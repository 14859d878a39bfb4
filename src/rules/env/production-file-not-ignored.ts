import type { DotenvEntry } from '../../facts/dotenv.js';
import type { DotenvFile } from '../../facts/dotenv.js';
import { isSecretName, weakSecretReason } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { effectiveEntries, isFileReferenceKey, isReference, isSettingValue } from './_util.js';
import { urlCredentials } from '../../lib/url.js';

/** Entries that hold a literal secret (not a placeholder, reference or empty value). */
function secretEntries(f: DotenvFile): DotenvEntry[] {
  return effectiveEntries(f).filter((e) => {
    const v = e.value.trim();
    if (!v || isReference(v) || isFileReferenceKey(e.key)) return false;
    if (urlCredentials(v) && !/\$\{?[A-Za-z_]/.test(urlCredentials(v)!.password)) return true;
    if (!isSecretName(e.key) || isSettingValue(v)) return false;
    return weakSecretReason(v) !== 'placeholder';
  });
}

function list(keys: string[]): string {
  return keys.length > 3 ? `${keys.slice(0, 3).join(', ')}, …` : keys.join(', ');
}

export default defineRule({
  id: 'env/production-file-not-ignored',
  severity: 'high',
  environments: ['production', 'staging'],
  facts: ['dotenv', 'file'],
  title: {
    en: 'Deployed environment\'s env file is not git-ignored',
    ja: 'デプロイ環境の env ファイルが git で無視されていない',
  },
  description: {
    en: 'An env file of the target environment (`.env.production`, `env/production/*.env`) or the shared `.env` is tracked by git, or no `.gitignore` rule covers it so the next `git add .` commits it. Every secret in it then lives in the repository history forever, is copied to every clone, fork and CI cache, and must be rotated. Templates (`.env.example`) and a `.flaskenv` without secrets (public Flask CLI settings) are meant to be committed and are not judged. A file that holds no secret value is reported at low severity (some frameworks commit non-secret defaults on purpose).',
    ja: 'ターゲット環境の env ファイル (`.env.production`、`env/production/*.env`) または共有の `.env` が git で追跡されているか、どの `.gitignore` ルールにも当てはまらず次の `git add .` でコミットされる状態です。中の秘密値はリポジトリの履歴に永久に残り、すべてのクローン、フォーク、CI キャッシュにコピーされるため、ローテーションが必要になります。テンプレート (`.env.example`) と秘密値を含まない `.flaskenv` (Flask CLI の公開設定) はコミットするものなので対象外です。秘密値を含まないファイルは low として報告します (秘密でない既定値を意図的にコミットするフレームワークもあるため)。',
  },
  fix: {
    en: 'Add the file to `.gitignore` (e.g. `.env` and `.env.*` followed by `!.env.example`), run `git rm --cached <file>` if it is tracked, rotate every secret it ever held, and commit a `.env.example` with placeholders instead.',
    ja: '`.gitignore` にファイルを追加し (例: `.env` と `.env.*`、続けて `!.env.example`)、追跡済みなら `git rm --cached <file>` を実行し、含まれていたすべての秘密値をローテーションして、代わりにプレースホルダーだけの `.env.example` をコミットしてください。',
  },
  references: { cwe: ['CWE-538', 'CWE-312'] },
  check(facts, ctx) {
    const hasGitignore = facts.file.some((f) => f.kind === 'gitignore');
    for (const f of facts.dotenv) {
      if (f.template || f.gitIgnored) continue;
      const secrets = secretEntries(f);
      const keys = [...new Set(secrets.map((e) => e.key))];
      if (f.loader === 'flask-cli' && !keys.length) continue; // .flaskenv is meant to be committed (public Flask CLI settings)
      const at = secrets[0] ?? f.entries[0];
      const tracked = f.gitTracked === true;
      const held = keys.length
        ? { en: `; it holds ${keys.length} secret value${keys.length > 1 ? 's' : ''} (${list(keys)})`, ja: `。${keys.length} 個の秘密値 (${list(keys)}) を含んでいます` }
        : { en: '', ja: '' };
      const state = tracked
        ? { en: `${f.file} is committed to git`, ja: `${f.file} が git にコミットされています` }
        : hasGitignore
          ? { en: `${f.file} is not ignored by .gitignore (git add . would commit it)`, ja: `${f.file} が .gitignore で無視されていません (git add . でコミットされます)` }
          : { en: `${f.file} is not ignored: the repository has no .gitignore`, ja: `${f.file} が無視されていません: リポジトリに .gitignore がありません` };
      ctx.report({
        file: f.file,
        line: at?.line ?? 1,
        column: at?.column ?? 1,
        severity: keys.length ? undefined : 'low',
        fingerprint: `${f.file} ${tracked ? 'tracked' : 'not-ignored'}`,
        message: { en: state.en + held.en, ja: state.ja + held.ja },
        fix: tracked
          ? {
              en: `Run \`git rm --cached ${f.file}\`, add it to .gitignore, and rotate ${keys.length ? list(keys) : 'any secret it ever held'}: the values stay in the git history.`,
              ja: `\`git rm --cached ${f.file}\` を実行して .gitignore に追加し、${keys.length ? list(keys) : '過去に含まれていた秘密値'} をローテーションしてください。値は git の履歴に残っています。`,
            }
          : {
              en: `Add ${f.file.includes('/') ? f.file : `\`${f.file}\``} (or a pattern such as \`.env*\` with \`!.env.example\`) to .gitignore before it is committed.`,
              ja: `コミットされる前に ${f.file} (または \`.env*\` と \`!.env.example\` のようなパターン) を .gitignore に追加してください。`,
            },
        secrets: secrets.map((e) => e.value),
      });
    }
  },
});
