import type { Lang, Localized } from '../contracts/types.js';

const MAIN: Localized = {
  en: `honban — find development settings about to reach production (本番)

Usage: honban <command> [options]

Commands:
  scan [PATH…]      Read a repository (code, .env, Dockerfile, compose, nginx, systemd,
                    Terraform) and report what is not ready for the target environment
  env [DIR]         Validate a target environment's variables against the schema
  diff [DIR]        Compare two environments' variables and Terraform resources (--from A --to B)
  probe URL         Check the deployed site: redirect, TLS, headers, cookies, CSP, CORS …
  host              Check the server itself (live, or offline with --root DIR): OS, resources,
                    SSH, firewall, the app's unit, env file, nginx, certificates, backups
  check [DIR]       The go-live verdict: scan + env + probe + host facts + the checklist of
                    honban.yml, stored in the history store (--format html for one page)
  history [DIR]     The stored runs of honban check; history diff [A] [B]: what changed
  rules             List every rule (id, severity, title, description, fix)
  convert FILE      Render a saved JSON report in another format (sarif, github, …)

Options:
  -h, --help        Show help (also: honban <command> --help)
  -V, --version     Show the version
  --lang en|ja      Language of messages (default: from LANG)

Exit codes: 0 no open finding at or above --fail-on; 1 open findings at or above it;
            2 usage error, bad config, unreadable target or internal crash.
`,
  ja: `honban — 本番に出ていこうとしている開発用の設定を見つけます

使い方: honban <コマンド> [オプション]

コマンド:
  scan [PATH…]      リポジトリ (コード、.env、Dockerfile、compose、nginx、systemd、Terraform)
                    を読み、対象環境に向けて準備ができていない箇所を報告します
  env [DIR]         対象環境の環境変数をスキーマで検証します
  diff [DIR]        2 つの環境の変数を比べます (--from A --to B)
  probe URL         デプロイ済みのサイトを検査します: リダイレクト、TLS、ヘッダー、Cookie、CSP、CORS …
  host              サーバー自体を検査します (稼働中のサーバー、または --root DIR でオフライン):
                    OS、リソース、SSH、ファイアウォール、アプリのユニット、env ファイル、nginx、
                    証明書、バックアップ
  rules             すべてのルールを一覧します (ID、重大度、題名、説明、対処)
  convert FILE      保存した JSON レポートを別の形式 (sarif、github など) で出力します

オプション:
  -h, --help        ヘルプを表示します (honban <コマンド> --help も使えます)
  -V, --version     バージョンを表示します
  --lang en|ja      メッセージの言語 (既定: LANG に従う)

終了コード: 0 --fail-on 以上の未対応の指摘なし / 1 --fail-on 以上の未対応の指摘あり /
            2 使い方の誤り、設定の誤り、読めない対象、内部エラー
`,
};

const SHARED: Localized = {
  en: `Shared options:
  --env NAME             Target environment (default: production)
  --lang en|ja           Language of messages (default: from LANG)
  -f, --format FORMAT    pretty | json | html | sarif | junit | markdown | github | gitlab
                         (default: pretty; github: workflow annotations; gitlab: Code Quality)
  -o, --output FILE      Write the report to FILE instead of stdout (a summary line goes to stderr)
  --fail-on LEVEL        critical | high | medium | low | info | none (default: high)
  --rule ID              Only this rule (repeatable; globs such as 'tf-aws/*')
  --skip-rule ID         Leave this rule out (repeatable; globs)
  --min-severity LEVEL   Leave out findings below LEVEL
  --sarif-root DIR       Directory the paths of sarif, github, gitlab, junit and markdown
                         output are relative to (default: the top of the git repository)
  -c, --config FILE      honban.yml to use (default: honban.yml at the scanned root)
  --baseline FILE        Report only findings not in FILE (status "baseline" for the rest)
  --write-baseline FILE  Record today's open findings in FILE
  -q, --quiet            No progress; pretty output shows open findings only
  -h, --help             Show this help
`,
  ja: `共通オプション:
  --env NAME             対象環境 (既定: production)
  --lang en|ja           メッセージの言語 (既定: LANG に従う)
  -f, --format FORMAT    pretty | json | sarif | junit | markdown | github | gitlab
                         (既定: pretty。github はワークフローの注釈、gitlab は Code Quality)
  -o, --output FILE      レポートを標準出力ではなく FILE に書きます (要約 1 行を標準エラーに出します)
  --fail-on LEVEL        critical | high | medium | low | info | none (既定: high)
  --rule ID              このルールだけを対象にします (複数指定可。'tf-aws/*' のようなグロブも可)
  --skip-rule ID         このルールを除外します (複数指定可。グロブも可)
  --min-severity LEVEL   LEVEL より低い重大度の指摘を除外します
  --sarif-root DIR       sarif、github、gitlab、junit、markdown 出力のパスの基準ディレクトリ
                         (既定: git リポジトリの最上位)
  -c, --config FILE      使う honban.yml (既定: 検査するルートの honban.yml)
  --baseline FILE        FILE にない指摘だけを報告します (残りは状態 "baseline")
  --write-baseline FILE  今日の未対応の指摘を FILE に記録します
  -q, --quiet            進捗を出しません。pretty では未対応の指摘だけを表示します
  -h, --help             このヘルプを表示します
`,
};

const SCAN: Localized = {
  en: `Usage: honban scan [PATH…] [options]

Reads files or directories (default: .) and reports every place where development settings
are about to reach the target environment: each finding with file:line, why it matters and
how to fix it.

${SHARED.en}  --nginx-test           Also run \`nginx -t\` on a temporary copy of each nginx configuration
                         (needs nginx; missing certificates get throw-away ones; never runs code
                         from the repository: its load_module and Perl/njs/Lua lines are removed)
  -j, --jobs N           Parse files in N worker threads (default: the number of cores)
  --file-timeout SEC     Time budget per file for parsing and extraction (default: 5); a file
                         over it is reported in errors and the scan goes on
  --no-cache             Do not read or write the cache (facts per file, the last result)
  --cache-location DIR   Fact cache directory (default: node_modules/.cache/honban when the
                         scanned root has node_modules, else .honban/cache)

Examples:
  honban scan .
  honban scan . --format sarif --output honban.sarif --fail-on high
  honban scan . --env staging --lang ja
  honban scan . --rule 'tf-aws/*' --min-severity high
  honban scan . --write-baseline .honban-baseline.json
  honban scan . --baseline .honban-baseline.json

Inline suppression (a reason is required; unknown rule ids and unused directives are findings):
  # honban-ignore docker/root-user -- the base image drops privileges itself
`,
  ja: `使い方: honban scan [PATH…] [オプション]

ファイルやディレクトリ (既定: .) を読み、開発用の設定が対象環境に出ていこうとしている箇所を
すべて報告します。指摘にはファイル:行、なぜ問題か、どう直すかが付きます。

${SHARED.ja}  --nginx-test           各 nginx 設定の一時コピーに対して \`nginx -t\` も実行します
                         (nginx が必要。ない証明書は使い捨ての証明書で補います。リポジトリのコードは
                         実行しません: load_module と Perl/njs/Lua の行は取り除きます)
  -j, --jobs N           N 個のワーカースレッドでファイルを解析します (既定: コア数)
  --file-timeout SEC     ファイルごとの解析と抽出の時間の上限 (既定: 5 秒)。超えたファイルは
                         エラーとして報告し、検査は続けます
  --no-cache             キャッシュ (ファイルごとのファクト、前回の結果) を読み書きしません
  --cache-location DIR   ファクトのキャッシュの場所 (既定: 検査するルートに node_modules があれば
                         node_modules/.cache/honban、なければ .honban/cache)

例:
  honban scan .
  honban scan . --format sarif --output honban.sarif --fail-on high
  honban scan . --env staging --lang ja
  honban scan . --rule 'tf-aws/*' --min-severity high
  honban scan . --write-baseline .honban-baseline.json
  honban scan . --baseline .honban-baseline.json

インラインの抑制 (理由が必要です。不明なルール ID や使われていない抑制も指摘になります):
  # honban-ignore docker/root-user -- ベースイメージ側で権限を落としている
`,
};

const RULES: Localized = {
  en: `Usage: honban rules [options]

Lists every rule: id, severity, environments, title, description and fix.

Options:
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  --rule ID              Only rules matching ID (repeatable; globs such as 'tf-aws/*')
  --skip-rule ID         Leave out rules matching ID (repeatable; globs)
  --min-severity LEVEL   Only rules of LEVEL or above
  -c, --config FILE      Also list the custom rules of this honban.yml's plugins:
                         (default: ./honban.yml when there is one)
  --lang en|ja           Language (default: from LANG)
  -o, --output FILE      Write to FILE
  -h, --help             Show this help
`,
  ja: `使い方: honban rules [オプション]

すべてのルールを一覧します: ID、重大度、対象環境、題名、説明、対処。

オプション:
  -f, --format FORMAT    pretty | json | markdown (既定: pretty)
  --rule ID              ID に一致するルールだけ (複数指定可。'tf-aws/*' のようなグロブも可)
  --skip-rule ID         ID に一致するルールを除外 (複数指定可。グロブも可)
  --min-severity LEVEL   重大度が LEVEL 以上のルールだけ
  -c, --config FILE      この honban.yml の plugins: のカスタムルールも一覧します
                         (既定: ./honban.yml があればそれ)
  --lang en|ja           言語 (既定: LANG に従う)
  -o, --output FILE      FILE に書きます
  -h, --help             このヘルプを表示します
`,
};

const CONVERT: Localized = {
  en: `Usage: honban convert REPORT.json --format FORMAT [options]

Renders a report saved with --format json in another format, without running anything again:
one run, several outputs (the GitHub Action writes SARIF, annotations and the job summary from
one JSON report). The exit code is the saved report's, after --rule / --skip-rule /
--min-severity and --fail-on are applied.

Options:
  -f, --format FORMAT    pretty | json | sarif | junit | markdown | github | gitlab
  -o, --output FILE      Write to FILE instead of stdout
  --fail-on LEVEL        Judge the exit code at LEVEL instead of the saved report's
  --rule ID / --skip-rule ID / --min-severity LEVEL   As for every command
  --sarif-root DIR       Directory the paths of sarif, github, gitlab, junit and markdown are relative to
  --lang en|ja           Accepted for symmetry; the texts are the saved report's language
  -q, --quiet            No summary line on stderr
  -h, --help             Show this help
`,
  ja: `使い方: honban convert REPORT.json --format FORMAT [オプション]

--format json で保存したレポートを、検査をやり直さずに別の形式で出力します。1 回の実行から
複数の出力を作れます (GitHub Action は 1 つの JSON レポートから SARIF、注釈、ジョブの要約を
書きます)。終了コードは保存したレポートのもので、--rule / --skip-rule / --min-severity と
--fail-on を反映します。

オプション:
  -f, --format FORMAT    pretty | json | sarif | junit | markdown | github | gitlab
  -o, --output FILE      標準出力ではなく FILE に書きます
  --fail-on LEVEL        保存したレポートの代わりに LEVEL で終了コードを判定します
  --rule ID / --skip-rule ID / --min-severity LEVEL   ほかのコマンドと同じです
  --sarif-root DIR       sarif、github、gitlab、junit、markdown のパスの基準ディレクトリ
  --lang en|ja           指定できますが、文言は保存したレポートの言語のままです
  -q, --quiet            標準エラーに要約を出しません
  -h, --help             このヘルプを表示します
`,
};

export const SHARED_HELP = SHARED;
export const SCAN_HELP = SCAN;
export const RULES_HELP = RULES;
export const CONVERT_HELP = CONVERT;

export function mainHelp(lang: Lang): string {
  return MAIN[lang];
}
