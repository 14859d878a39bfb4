import { SHARED_HELP } from './help.js';
import type { Localized } from '../contracts/types.js';

export const ENV_HELP: Localized = {
  en: `Usage: honban env [DIR] [options]
       honban env init [DIR] [--stdout]
       honban env snapshot [DIR] [--env NAME] [--list]
       honban env drift [DIR] [--env NAME] [--update]

Validates the variables a target environment really gets — env files, Docker secrets and the
process environment, layered and interpolated — against the variables: schema in honban.yml
(or honban's built-in catalog when there is none). Secret values are never printed.

Sources, lowest precedence first (the last definition wins):
  1. env files: .env, .env.<env>, env/<env>/*.env
     (or environments.<env>.files in honban.yml, in order)
  2. Docker secrets: every file of --secrets-dir (db_password → DB_PASSWORD)
  3. X_FILE pointers: DB_PASSWORD_FILE=/run/secrets/db_password provides DB_PASSWORD
  4. the process environment, with --process-env
References \${VAR}, \${VAR:-default} and $VAR are expanded by honban; $(…) is never run.

Options:
  --process-env          Overlay the current process environment (the deploy step's)
  --secrets-dir DIR      A directory of Docker secrets (one file per secret)
  --explain              Show, per key, which source won and what it shadowed
                         (pretty output; --format json puts it under extra.resolution)
${SHARED_HELP.en}
Examples:
  honban env --env production --process-env           # in the deploy script, before start
  honban env --env production --secrets-dir /run/secrets --explain
  honban env --env staging --format json --output env-audit.json
  honban env init --stdout                             # propose a variables: schema
  honban env snapshot --env production && honban env drift --env production

Exit codes: 0 no open finding at or above --fail-on; 1 open findings at or above it
(drift: 1 when anything changed); 2 usage error, bad honban.yml or unreadable directory.
`,
  ja: `使い方: honban env [DIR] [オプション]
        honban env init [DIR] [--stdout]
        honban env snapshot [DIR] [--env NAME] [--list]
        honban env drift [DIR] [--env NAME] [--update]

対象環境が実際に受け取る変数 (env ファイル、Docker secrets、プロセスの環境変数を重ね合わせ、
展開したもの) を honban.yml の variables: スキーマ (なければ honban 内蔵のカタログ) で検証します。
秘密の値は決して表示しません。

値の出どころ (優先度の低い順。最後の定義が勝ちます):
  1. env ファイル: .env、.env.<env>、env/<env>/*.env
     (または honban.yml の environments.<env>.files をその順に)
  2. Docker secrets: --secrets-dir の各ファイル (db_password → DB_PASSWORD)
  3. X_FILE の参照: DB_PASSWORD_FILE=/run/secrets/db_password が DB_PASSWORD を与えます
  4. プロセスの環境変数 (--process-env を付けたとき)
\${VAR}、\${VAR:-default}、$VAR は honban が展開します。$(…) は決して実行しません。

オプション:
  --process-env          現在のプロセスの環境変数 (デプロイ処理のもの) を重ねます
  --secrets-dir DIR      Docker secrets のディレクトリ (1 ファイル 1 秘密)
  --explain              キーごとに、どの出どころが勝ち、何を覆ったかを表示します
                         (pretty 出力。--format json では extra.resolution に入ります)
${SHARED_HELP.ja}
例:
  honban env --env production --process-env           # デプロイスクリプトで起動前に
  honban env --env production --secrets-dir /run/secrets --explain
  honban env --env staging --format json --output env-audit.json
  honban env init --stdout                             # variables: スキーマの提案
  honban env snapshot --env production && honban env drift --env production

終了コード: 0 --fail-on 以上の未対応の指摘なし / 1 あり (drift: 何か変わったとき 1) /
2 使い方の誤り、honban.yml の誤り、読めないディレクトリ
`,
};

export const ENV_INIT_HELP: Localized = {
  en: `Usage: honban env init [DIR] [--stdout] [-c FILE]

Proposes a variables: schema for honban.yml from what the repository says: variables the code
reads (required when read without a default), .env.example and other templates (with their
comments as descriptions), the keys of env files, and honban's catalog (secrets, types and
production expectations such as DEBUG=false). Never writes a value of a secret.

Without --stdout the variables not yet declared are added to honban.yml (created when missing;
existing declarations and comments are kept).

Options:
  --stdout               Print the proposed variables: section instead of writing honban.yml
  -c, --config FILE      The honban.yml to update (default: DIR/honban.yml)
  --lang en|ja           Language of messages
  -h, --help             Show this help
`,
  ja: `使い方: honban env init [DIR] [--stdout] [-c FILE]

リポジトリからわかることをもとに honban.yml の variables: スキーマを提案します: コードが読む変数
(既定値なしで読むものは必須)、.env.example などのテンプレート (コメントは説明になります)、
env ファイルのキー、honban のカタログ (秘密、型、DEBUG=false のような本番での期待値)。
秘密の値は決して書きません。

--stdout を付けないときは、まだ宣言されていない変数を honban.yml に追加します (なければ作成。
既存の宣言とコメントは残します)。

オプション:
  --stdout               honban.yml に書かず、提案した variables: 節を表示します
  -c, --config FILE      更新する honban.yml (既定: DIR/honban.yml)
  --lang en|ja           メッセージの言語
  -h, --help             このヘルプを表示します
`,
};

export const ENV_SNAPSHOT_HELP: Localized = {
  en: `Usage: honban env snapshot [DIR] [--env NAME] [--process-env] [--secrets-dir DIR] [--list]

Records HMAC fingerprints of the resolved environment under DIR/.honban/ (never values) with
a per-repository random key stored beside them; .honban/ is git-ignored. The last 20
snapshots of each environment are kept, with timestamps.

Options:
  --env NAME             Target environment (default: production)
  --process-env          Overlay the current process environment
  --secrets-dir DIR      A directory of Docker secrets
  --list                 List the snapshots kept instead of taking one
  -f, --format FORMAT    pretty | json (default: pretty)
  --lang en|ja           Language of messages
  -h, --help             Show this help
`,
  ja: `使い方: honban env snapshot [DIR] [--env NAME] [--process-env] [--secrets-dir DIR] [--list]

解決した環境の HMAC 指紋 (値ではありません) を DIR/.honban/ に記録します。鍵はリポジトリごとの
乱数で、同じ場所に保存します。.honban/ は git の管理対象外です。各環境の最新 20 件の
スナップショットを日時付きで残します。

オプション:
  --env NAME             対象環境 (既定: production)
  --process-env          現在のプロセスの環境変数を重ねます
  --secrets-dir DIR      Docker secrets のディレクトリ
  --list                 スナップショットを取らず、残っているものを一覧します
  -f, --format FORMAT    pretty | json (既定: pretty)
  --lang en|ja           メッセージの言語
  -h, --help             このヘルプを表示します
`,
};

export const ENV_DRIFT_HELP: Localized = {
  en: `Usage: honban env drift [DIR] [--env NAME] [--process-env] [--secrets-dir DIR] [--update]

Compares the resolved environment with its last snapshot (honban env snapshot) and lists the
keys added, removed and changed since then — never their values. Exit 1 when anything drifted.

Options:
  --env NAME             Target environment (default: production)
  --process-env          Overlay the current process environment
  --secrets-dir DIR      A directory of Docker secrets
  --update               Record a new snapshot after comparing
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  -o, --output FILE      Write to FILE instead of stdout
  --lang en|ja           Language of messages
  -h, --help             Show this help
`,
  ja: `使い方: honban env drift [DIR] [--env NAME] [--process-env] [--secrets-dir DIR] [--update]

解決した環境を最後のスナップショット (honban env snapshot) と比べ、それ以降に追加・削除・変更
されたキーを一覧します。値は表示しません。何か変わっていれば終了コード 1 です。

オプション:
  --env NAME             対象環境 (既定: production)
  --process-env          現在のプロセスの環境変数を重ねます
  --secrets-dir DIR      Docker secrets のディレクトリ
  --update               比べたあと新しいスナップショットを記録します
  -f, --format FORMAT    pretty | json | markdown (既定: pretty)
  -o, --output FILE      標準出力ではなく FILE に書きます
  --lang en|ja           メッセージの言語
  -h, --help             このヘルプを表示します
`,
};

export const DIFF_HELP: Localized = {
  en: `Usage: honban diff [DIR] --from A --to B [options]

Compares the variables of two environments (their env files, layered and interpolated as
honban env resolves them): one row per key — same, changed, only-from, only-to. Values are
shown only for non-secrets (URL passwords masked); secrets are compared without being shown.
When the environments have *.tfvars files, their Terraform variables are compared too, and
their Terraform resources attribute by attribute (engine versions, instance classes, multi-AZ,
encryption, backups, deletion protection; an absent argument shows the provider default).
--from / --to may also name two Terraform root directories or two tfvars files of DIR: then
only their resources are compared.

Options:
  --from ENV|PATH        The environment (e.g. production), Terraform root or tfvars file to compare from
  --to ENV|PATH          The environment (e.g. staging), Terraform root or tfvars file to compare to
  --changed-only         Leave out identical rows (pretty, markdown)
  --exit-code            Exit 1 when the environments differ (like git diff --exit-code)
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  -o, --output FILE      Write to FILE instead of stdout
  -c, --config FILE      honban.yml to use (default: DIR/honban.yml)
  --lang en|ja           Language of messages
  -h, --help             Show this help

Examples:
  honban diff --from production --to staging
  honban diff --from production --to development --format markdown > env-diff.md
  honban diff --from envs/production --to envs/staging     # two Terraform roots
  honban diff --from dev.tfvars --to prod.tfvars --changed-only

An environment that honban cannot find (no env file, not in honban.yml environments:) is a
usage error (exit 2).
`,
  ja: `使い方: honban diff [DIR] --from A --to B [オプション]

2 つの環境の変数 (honban env と同じように重ね合わせ、展開した env ファイル) を比べます。キー
ごとに 1 行 — 同じ、変更、from だけ、to だけ。値は秘密でないものだけ表示し (URL のパスワードは
伏せます)、秘密は表示せずに比べます。環境に *.tfvars があれば Terraform の変数と、Terraform の
リソースを属性ごとに比べます (エンジンのバージョン、インスタンスクラス、マルチ AZ、暗号化、
バックアップ、削除保護。書かれていない引数はプロバイダの既定値を示します)。--from / --to に
DIR 内の 2 つの Terraform ルートディレクトリか 2 つの tfvars ファイルを指定すると、それらの
リソースだけを比べます。

オプション:
  --from ENV|PATH        比較元の環境 (例: production)、Terraform ルート、tfvars ファイル
  --to ENV|PATH          比較先の環境 (例: staging)、Terraform ルート、tfvars ファイル
  --changed-only         同じ行を省きます (pretty、markdown)
  --exit-code            環境が異なれば終了コード 1 (git diff --exit-code と同じ)
  -f, --format FORMAT    pretty | json | markdown (既定: pretty)
  -o, --output FILE      標準出力ではなく FILE に書きます
  -c, --config FILE      使う honban.yml (既定: DIR/honban.yml)
  --lang en|ja           メッセージの言語
  -h, --help             このヘルプを表示します

例:
  honban diff --from production --to staging
  honban diff --from production --to development --format markdown > env-diff.md
  honban diff --from envs/production --to envs/staging     # 2 つの Terraform ルート
  honban diff --from dev.tfvars --to prod.tfvars --changed-only

honban が見つけられない環境 (env ファイルがなく、honban.yml の environments: にもない) は
使い方の誤り (終了コード 2) です。
`,
};
