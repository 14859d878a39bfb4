import type { ContextEntry, DockerCopy, DockerfileFact } from '../../facts/dockerfile.js';
import type { Localized, Severity } from '../../contracts/types.js';
import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';

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

/**
 * How serious a missing exclusion is, by what honban can see: a secret file that exists in the
 * context is high; `.env` that does not exist yet is medium when the project shows it uses env
 * files (an env file or template, a `.gitignore` entry, a dotenv library), else low; `.git` is
 * medium when the context is the checkout's top, else it is not there at all.
 */
function weightOf(e: ContextEntry, f: DockerfileFact): Severity | undefined {
  if (e.what === 'env-file') return e.present ? 'high' : f.context.envEvidence ? 'medium' : 'low';
  if (e.what === 'git') return f.context.atRoot ? 'medium' : undefined;
  return WEIGHT[e.what];
}

/** Normalizes an image path for comparison (`/app/`, `${APP_HOME}` kept as written). */
function norm(p: string | undefined, workdir: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  let v = p.trim();
  if (v === '.' || v === './') v = workdir ?? '/';
  else if (!v.startsWith('/') && !v.startsWith('$') && workdir) v = `${workdir.replace(/\/$/, '')}/${v.replace(/^\.\//, '')}`;
  return v.length > 1 ? v.replace(/\/+$/, '') : v;
}

/**
 * Whole-context copies whose files reach a deployed image: those in a deployed stage or a stage it
 * builds FROM, and those of a build stage whose destination a deployed stage copies whole
 * (`COPY --from=build /app /app`). A build stage that hands over only its artefacts
 * (`COPY --from=build /app/dist ./`) ships none of the context.
 */
function shippedCopies(f: DockerfileFact, deployed: readonly number[]): DockerCopy[] {
  const chain = new Set<number>();
  for (const i of deployed) for (const j of [i, ...f.stages[i]!.effective.chain]) chain.add(j);
  const out: DockerCopy[] = [];
  for (const st of f.stages) {
    for (const cp of st.copies) {
      if (!isWholeContextCopy(cp)) continue;
      if (chain.has(st.index)) {
        out.push(cp);
        continue;
      }
      const dest = norm(cp.destination, st.effective.workdir);
      const handedOver = [...chain].some((k) =>
        f.stages[k]!.copies.some((c2) => {
          if (c2.fromStage === undefined || (c2.fromStage !== st.index && !f.stages[c2.fromStage]!.effective.chain.includes(st.index))) return false;
          return c2.sources.some((src) => {
            const from = norm(src.value, f.stages[c2.fromStage!]!.effective.workdir);
            return from === '/' || (dest !== undefined && from !== undefined && (dest === from || dest.startsWith(from + '/')));
          });
        }),
      );
      if (handedOver) out.push(cp);
    }
  }
  return out;
}

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
  facts: ['dockerfile', 'compose'],
  title: { en: 'COPY . copies secrets and repository data into the image', ja: 'COPY . でシークレットやリポジトリのデータがイメージに入る' },
  description: {
    en: '`COPY . .` (or `ADD . .`) copies the whole build context into the image, and the .dockerignore that applies (or its absence) does not exclude `.env` files, private keys or `.git`. Every secret in a local or CI `.env` then ships in the image layers, `.git` carries the full history (including secrets removed long ago), and a local virtualenv / node_modules overrides the dependencies the image installed. Honban checks the `.dockerignore` beside the Dockerfile (BuildKit `<Dockerfile>.dockerignore` first), or the nearest one above it. Severity follows what can be seen: a secret file present in the context is high; a `.env` that does not exist yet is medium when the project shows it uses env files (an env file or template, a `.gitignore` entry for `.env`, a dotenv library) and low otherwise; `.git` counts only when the context is the checkout\'s top. Deliberately not reported: `COPY .` in a build stage that hands only its artefacts to the deployed image (`COPY --from=build /app/dist ./`).',
    ja: '`COPY . .`（または `ADD . .`）はビルドコンテキスト全体をイメージにコピーしますが、適用される .dockerignore（またはその不在）が `.env` ファイル、秘密鍵、`.git` を除外していません。ローカルや CI の `.env` にあるシークレットがすべてイメージのレイヤーに入り、`.git` は全履歴（とうに削除したシークレットも含む）を持ち込み、ローカルの virtualenv / node_modules はイメージでインストールした依存関係を上書きします。Dockerfile と同じディレクトリの `.dockerignore`（BuildKit の `<Dockerfile>.dockerignore` を優先）、なければ上位ディレクトリで最も近いものを確認します。重大度は見えるものに従います: コンテキストに実在する秘密ファイルは high、まだ存在しない `.env` は、プロジェクトが env ファイルを使っている形跡 (env ファイルやテンプレート、`.gitignore` の `.env`、dotenv ライブラリ) があれば medium、なければ low。`.git` はコンテキストがチェックアウトの最上位のときだけ数えます。意図的に報告しないもの: 成果物だけをデプロイするイメージに渡すビルド用ステージでの `COPY .` (`COPY --from=build /app/dist ./`)。',
  },
  fix: {
    en: 'Add a .dockerignore next to the Dockerfile (the build context root) with at least: `.env*`, `!.env.example`, `*.pem`, `.git`, `venv/`, `.venv/`, `node_modules/`, `__pycache__/` — or copy only what the app needs (`COPY app/ ./app/`).',
    ja: 'Dockerfile の隣（ビルドコンテキストのルート）に .dockerignore を置き、少なくとも `.env*`、`!.env.example`、`*.pem`、`.git`、`venv/`、`.venv/`、`node_modules/`、`__pycache__/` を書いてください。または必要なものだけをコピーします (`COPY app/ ./app/`)。',
  },
  references: { cwe: ['CWE-538'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      const weights = new Map<ContextEntry, Severity>();
      for (const e of f.context.entries) {
        if (e.excluded || !(e.present || e.what === 'env-file' || e.what === 'git' || e.what === 'venv' || e.what === 'node_modules')) continue;
        const w = weightOf(e, f);
        if (w) weights.set(e, w);
      }
      const missing = [...weights.keys()];
      if (!missing.length) continue;
      // .env is named once even when several env files are missing.
      const severity = [...weights.values()].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0]!;
      const names = [...new Set(missing.map((e) => (e.what === 'venv' || e.what === 'node_modules' ? e.path + '/' : e.path)))];
      const list = names.join(', ');
      const ignore = f.context.dockerignore;
      const where: Localized = ignore
        ? { en: `${ignore.file} does not exclude ${list}`, ja: `${ignore.file} が ${list} を除外していません` }
        : { en: `there is no .dockerignore, so nothing is excluded (${list})`, ja: `.dockerignore がないため何も除外されません (${list})` };
      const envMissing = missing.find((e) => e.what === 'env-file');
      const because: Localized =
        envMissing && !envMissing.present && f.context.envEvidence
          ? { en: ` (${f.context.envEvidence} shows env files are used here)`, ja: ` (${f.context.envEvidence} から env ファイルを使っていると判断しました)` }
          : { en: '', ja: '' };
      const lines = [...new Set(missing.map(patternFor))];
      if (missing.some((e) => e.what === 'env-file')) lines.push('!.env.example');
      const target = ignore?.file ?? (f.context.dir ? `${f.context.dir}/.dockerignore` : '.dockerignore');
      const deployed = deployedStages(f, facts.compose).map((st) => st.index);
      for (const cp of shippedCopies(f, deployed)) {
        const src = cp.sources.find((x) => WHOLE_CONTEXT.has(x.value))!;
        ctx.report({
          file: f.file,
          line: cp.line,
          column: cp.column,
          severity,
          message: {
            en: `${cp.instruction} ${src.value} copies the whole build context, and ${where.en}${because.en}`,
            ja: `${cp.instruction} ${src.value} はビルドコンテキスト全体をイメージにコピーしますが、${where.ja}${because.ja}`,
          },
          fix: {
            en: `Add these lines to ${target}: ${lines.map((l) => '`' + l + '`').join(', ')}.`,
            ja: `${target} に次の行を追加してください: ${lines.map((l) => '`' + l + '`').join('、')}。`,
          },
        });
      }
    }
  },
});
