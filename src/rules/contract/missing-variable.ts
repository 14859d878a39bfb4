import { isSecretName } from '../../lib/secrets.js';
import { defineRule } from '../define.js';
import { allowList, bestSurface, checkedLabels, isAllowed, listOf, listOfJa, opaqueLabel } from './_util.js';

/** Variables bundlers inline at build time (`import.meta.env.VITE_X`, `process.env.NEXT_PUBLIC_X`). */
const BUILD_TIME_PUBLIC = /^(VITE_|NEXT_PUBLIC_|REACT_APP_|NUXT_PUBLIC_|EXPO_PUBLIC_|GATSBY_|PUBLIC_|VUE_APP_)/;

export default defineRule({
  id: 'contract/missing-variable',
  severity: 'high',
  facts: ['envContract'],
  title: {
    en: 'Variable the code needs is provided by no deployment surface',
    ja: 'コードが必要とする変数をどのデプロイ設定も渡していない',
  },
  description: {
    en: 'The application reads an environment variable without a default (`ENV["X"]`, `ENV.fetch("X")`, `os.environ["X"]`, `process.env.X`), but none of the target environment\'s deployment surfaces — env files of that environment or shared ones, compose files, the Dockerfile\'s ENV, Kubernetes manifests, systemd units, ECS task definitions in Terraform — provides it. The feature behind it breaks in production (seed 004: the CloudSearch endpoints no task definition set). Templates such as `.env.example` document variables but provide nothing; surfaces of other environments (`.env.development`) do not count. Not required: reads with a fallback (`ENV.fetch("X", "d")`, `process.env.X || "d"`, `os.getenv("X", "d")`), presence tests and comparisons (`if ENV["X"]`, `process.env.X === "1"`), reads that are the fallback of another provided variable (`ENV["A"] || ENV["B"]`), reads inside development-only branches (`if Rails.env.development?`, `if (process.env.NODE_ENV !== "production")`, `if __name__ == "__main__":`), tests, tool configuration, seeds, migrations and scripts, and variables the platform sets (PORT, HOME, PATH, NODE_ENV, AWS_REGION on ECS, K_SERVICE …; add your own with the rule option `allow`). When a surface loads variables honban cannot see (an EnvironmentFile= outside the repository, an env_file that is not committed — the recommended place for production secrets) the finding is low: check that source; when a surface file could not be read, it is medium. When the repository has no deployment surface at all, contract/missing-deployment-surface reports once instead. In a monorepo each project (a directory with its own compose file, Dockerfile or Procfile) has its own contract: one sample\'s compose file never provides another\'s variables. Reported low, not high: public build-time variables (`VITE_*`, `NEXT_PUBLIC_*`, `REACT_APP_*` — set where the bundle is built) and `*_PORT` read by JavaScript (client libraries default the port). PUBLIC_URL, which create-react-app injects, is never required.',
    ja: 'アプリケーションが既定値なしで環境変数を読んでいます (`ENV["X"]`、`ENV.fetch("X")`、`os.environ["X"]`、`process.env.X`)。しかしターゲット環境のデプロイ設定 (その環境用または共通の env ファイル、compose ファイル、Dockerfile の ENV、Kubernetes マニフェスト、systemd ユニット、Terraform の ECS タスク定義) のどれもこの変数を渡していません。本番ではその機能が動きません (seed 004: どのタスク定義にも設定されていなかった CloudSearch のエンドポイント)。`.env.example` などのテンプレートは変数の説明であって値を渡すものではなく、他の環境の設定 (`.env.development`) も数えません。次のものは必須とみなしません: フォールバックのある読み出し (`ENV.fetch("X", "d")`、`process.env.X || "d"`、`os.getenv("X", "d")`)、存在確認や比較 (`if ENV["X"]`、`process.env.X === "1"`)、渡されている別の変数のフォールバックとしての読み出し (`ENV["A"] || ENV["B"]`)、開発専用の分岐内 (`if Rails.env.development?`、`if (process.env.NODE_ENV !== "production")`、`if __name__ == "__main__":`)、テスト、ツールの設定、seed、マイグレーション、スクリプト、そしてプラットフォームが設定する変数 (PORT、HOME、PATH、NODE_ENV、ECS の AWS_REGION、K_SERVICE など。ルールのオプション `allow` で追加できます)。honban が中身を見られない読み込み元 (リポジトリ外の EnvironmentFile=、コミットされていない env_file。本番の秘密値の置き場所として推奨される形です) がある場合は low とし、その読み込み元を確認してください。設定ファイルを読めなかった場合は medium とします。リポジトリにデプロイ設定がまったくない場合は、代わりに contract/missing-deployment-surface が 1 件だけ報告します。モノレポではプロジェクト (専用の compose ファイル、Dockerfile、Procfile を持つディレクトリ) ごとに契約を作り、あるサンプルの compose ファイルが別のサンプルの変数を渡すとはみなしません。high ではなく low として報告するもの: ビルド時の公開変数 (`VITE_*`、`NEXT_PUBLIC_*`、`REACT_APP_*` — バンドルをビルドする環境で設定するもの) と、JavaScript が読む `*_PORT` (クライアントライブラリが既定のポートを使う)。create-react-app が注入する PUBLIC_URL は必須とみなしません。',
  },
  fix: {
    en: 'Provide the variable in the deployment of the target environment (the ECS task definition\'s `environment`, or `secrets` for a secret; the production env file; the compose service\'s `environment` / `secrets`; the Kubernetes Deployment), or give the read a default if the app can run without it.',
    ja: 'ターゲット環境のデプロイ設定で変数を渡してください (ECS タスク定義の `environment`、秘密値なら `secrets`。本番用の env ファイル。compose サービスの `environment` / `secrets`。Kubernetes の Deployment)。変数がなくても動作できる場合は、読み出しに既定値を付けてください。',
  },
  references: { cwe: ['CWE-1188'], equivalents: ['seed S4.4'] },
  check(facts, ctx) {
    const allow = allowList(ctx.options);
    for (const c of facts.envContract) {
      const defining = c.surfaces.filter((s) => s.defining);
      if (defining.length === 0 && c.unread.length === 0) continue; // contract/missing-deployment-surface
      const providedNames = new Set(c.surfaces.flatMap((s) => s.provides.map((p) => p.name)));
      const opaque = c.surfaces.flatMap((s) => s.opaque);
      const uncertain = opaque.length > 0 || c.unread.length > 0;
      const checked = listOf(checkedLabels(c), 6);
      const checkedJa = listOfJa(checkedLabels(c), 6);
      const target = bestSurface(c);
      for (const v of c.variables) {
        if (v.platform || isAllowed(v.name, allow) || v.provided.length > 0) continue;
        const unsatisfied = v.requiredReads.filter((r) => !(r.alternatives ?? []).some((a) => providedNames.has(a)));
        if (unsatisfied.length === 0) continue;
        const first = unsatisfied[0]!;
        const notes: string[] = [];
        const notesJa: string[] = [];
        if (v.elsewhere.length) {
          const files = [...new Set(v.elsewhere.map((p) => p.file))];
          notes.push(`only ${listOf(files)} (another environment) set${files.length === 1 ? 's' : ''} it`);
          notesJa.push(`設定しているのは別環境の ${listOfJa(files)} だけです`);
        }
        if (v.documented.length) {
          const files = [...new Set(v.documented.map((p) => p.file))];
          notes.push(`${listOf(files)} document${files.length === 1 ? 's' : ''} it`);
          notesJa.push(`${listOfJa(files)} には記載があります`);
        }
        const others = v.requiredReads.length - 1;
        if (others > 0) {
          notes.push(`also read without a default in ${others} other place${others === 1 ? '' : 's'}`);
          notesJa.push(`ほかに ${others} か所でも既定値なしで読まれています`);
        }
        if (uncertain) {
          const srcs = [...opaque.map(opaqueLabel), ...c.unread.map((u) => `${u} (unreadable)`)];
          notes.push(`unless ${listOf(srcs)} provides it`);
          notesJa.push(`${listOfJa(srcs)} が渡している可能性があるので確認してください`);
        }
        const secret = isSecretName(v.name);
        // A public build-time variable is baked into the bundle where it is built, not read from the
        // deployment's environment; a port has a default in every client library (pg 5432, mysql 3306 …).
        const buildTime = BUILD_TIME_PUBLIC.test(v.name);
        const port = /(^|_)PORT$/.test(v.name) && unsatisfied.every((r) => /\.[cm]?[jt]sx?$/.test(r.file));
        if (buildTime) {
          notes.push('a public build-time variable: it must be set where the bundle is built');
          notesJa.push('ビルド時に埋め込まれる公開変数です。バンドルをビルドする環境で設定してください');
        } else if (port) {
          notes.push('client libraries fall back to the service\'s standard port when it is unset');
          notesJa.push('未設定のときクライアントライブラリはサービスの標準ポートを使います');
        }
        ctx.report({
          file: first.file,
          line: first.line,
          column: first.column,
          key: v.name,
          severity: buildTime || port ? 'low' : c.unread.length > 0 ? 'medium' : opaque.length > 0 ? 'low' : undefined,
          fingerprint: `missing ${v.name}`,
          message: {
            en: `${v.name} is read without a default but no ${c.target} surface provides it (checked: ${checked})${notes.length ? `; ${notes.join('; ')}` : ''}`,
            ja: `${v.name} は既定値なしで読まれていますが、${c.target} のどのデプロイ設定も渡していません (確認対象: ${checkedJa})${notesJa.length ? `。${notesJa.join('。')}` : ''}`,
          },
          fix: target
            ? {
                en: `Add ${v.name} to ${target.label}${secret ? ' through its secrets mechanism (not plain environment)' : ''}, or give the read at ${first.file}:${first.line} a default if the app can run without it.`,
                ja: `${target.label} に ${v.name} を追加してください${secret ? ' (秘密値なので平文の environment ではなくシークレットの仕組みで)' : ''}。変数がなくても動作できる場合は、${first.file}:${first.line} の読み出しに既定値を付けます。`,
              }
            : undefined,
        });
      }
    }
  },
});
