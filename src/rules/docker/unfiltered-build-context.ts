import type { ContextEntry, DockerCopy } from '../../facts/dockerfile.js';
import type { Localized, Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';

const WHOLE_CONTEXT = new Set(['.', './', '*', './*', '.\\', './.']);

const WEIGHT: Record<ContextEntry['what'], Severity> = {
  'env-file': 'high',
  'private-key': 'high',
  credentials: 'high',
  git: 'medium',
  venv: 'low',
  node_modules: 'low',
};
const ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The .dockerignore line that excludes an entry. */
function patternFor(e: ContextEntry): string {
  switch (e.what) {
    case 'git':
      return '.git';
    case 'venv':
      return e.path + '/';
    case 'node_modules':
      return 'node_modules/';
    case 'env-file':
      return e.path === '.env' || !e.path.includes('/') ? '.env*' : '**/.env*';
    default:
      return e.path;
  }
}

export function isWholeContextCopy(cp: DockerCopy): boolean {
  return cp.from === undefined && !cp.heredoc && cp.sources.some((s) => WHOLE_CONTEXT.has(s.value));
}

export default defineRule({
  id: 'docker/unfiltered-build-context',
  severity: 'high',
  facts: ['dockerfile'],
  title: { en: 'COPY . copies secrets and repository data into the image', ja: 'COPY . でシークレットやリポジトリのデータがイメージに入る' },
  description: {
    en: '`COPY . .` (or `ADD . .`) copies the whole build context into the image, and the .dockerignore that applies (or its absence) does not exclude `.env` files, private keys or `.git`. Every secret in a local or CI `.env` then ships in the image layers, `.git` carries the full history (including secrets removed long ago), and a local virtualenv / node_modules overrides the dependencies the image installed. Honban checks the `.dockerignore` beside the Dockerfile (BuildKit `<Dockerfile>.dockerignore` first), or the nearest one above it.',
    ja: '`COPY . .`（または `ADD . .`）はビルドコンテキスト全体をイメージにコピーしますが、適用される .dockerignore（またはその不在）が `.env` ファイル、秘密鍵、`.git` を除外していません。ローカルや CI の `.env` にあるシークレットがすべてイメージのレイヤーに入り、`.git` は全履歴（とうに削除したシークレットも含む）を持ち込み、ローカルの virtualenv / node_modules はイメージでインストールした依存関係を上書きします。Dockerfile と同じディレクトリの `.dockerignore`（BuildKit の `<Dockerfile>.dockerignore` を優先）、なければ上位ディレクトリで最も近いものを確認します。',
  },
  fix: {
    en: 'Add a .dockerignore next to the Dockerfile (the build context root) with at least: `.env*`, `!.env.example`, `*.pem`, `.git`, `venv/`, `.venv/`, `node_modules/`, `__pycache__/` — or copy only what the app needs (`COPY app/ ./app/`).',
    ja: 'Dockerfile の隣（ビルドコンテキストのルート）に .dockerignore を置き、少なくとも `.env*`、`!.env.example`、`*.pem`、`.git`、`venv/`、`.venv/`、`node_modules/`、`__pycache__/` を書いてください。または必要なものだけをコピーします (`COPY app/ ./app/`)。',
  },
  references: { cwe: ['CWE-538'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      const missing = f.context.entries.filter((e) => !e.excluded && (e.present || e.what === 'env-file' || e.what === 'git' || e.what === 'venv' || e.what === 'node_modules'));
      if (!missing.length) continue;
      // .env is named once even when several env files are missing.
      const severity = missing.map((e) => WEIGHT[e.what]).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0]!;
      const names = [...new Set(missing.map((e) => (e.what === 'venv' || e.what === 'node_modules' ? e.path + '/' : e.path)))];
      const list = names.join(', ');
      const ignore = f.context.dockerignore;
      const where: Localized = ignore
        ? { en: `${ignore.file} does not exclude ${list}`, ja: `${ignore.file} が ${list} を除外していません` }
        : { en: `there is no .dockerignore, so nothing is excluded (${list})`, ja: `.dockerignore がないため何も除外されません (${list})` };
      const lines = [...new Set(missing.map(patternFor))];
      if (missing.some((e) => e.what === 'env-file')) lines.push('!.env.example');
      const target = ignore?.file ?? (f.context.dir ? `${f.context.dir}/.dockerignore` : '.dockerignore');
      for (const st of f.stages) {
        for (const cp of st.copies) {
          if (!isWholeContextCopy(cp)) continue;
          const src = cp.sources.find((s) => WHOLE_CONTEXT.has(s.value))!;
          ctx.report({
            file: f.file,
            line: cp.line,
            column: cp.column,
            severity,
            message: {
              en: `${cp.instruction} ${src.value} copies the whole build context, and ${where.en}`,
              ja: `${cp.instruction} ${src.value} はビルドコンテキスト全体をコピーしますが、${where.ja}`,
            },
            fix: {
              en: `Add these lines to ${target}: ${lines.map((l) => '`' + l + '`').join(', ')}.`,
              ja: `${target} に次の行を追加してください: ${lines.map((l) => '`' + l + '`').join('、')}。`,
            },
          });
        }
      }
    }
  },
});
