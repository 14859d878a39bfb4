import { SHARED_HELP } from './help.js';
import type { Localized } from '../contracts/types.js';

export const CHECK_HELP: Localized = {
  en: `Usage: honban check [DIR] [options]
       honban check --init [DIR]

The go-live verdict: in one run, scan DIR (default .), validate the target environment's
variables (when DIR has env files or a variables: schema), probe the live site (with --url or
probe.url in honban.yml), judge host facts (with --host-facts), and evaluate the checklist of
honban.yml. Prints the checklist table first, then the findings, each tagged with its source.

Verdict: not-ready when a P0 item is open or an open finding is at or above --fail-on;
ready-with-waivers when only waived findings or deferred items stand between; else ready.
Every run is stored in the history store (see honban history).

Options:
  --init                 Add a starter checklist (rollback plan, restore tested, monitoring
                         alerts, emergency contacts, architecture doc, configuration backup)
                         to honban.yml, creating it when missing
  --url URL              Probe this deployed URL (default: probe.url in honban.yml)
  --probe-facts FILE     Judge probe facts saved with honban probe --save-facts (no network)
  --ca FILE, --insecure, --header 'K: V', --timeout MS
                         Probe options (see honban probe --help)
  --host-facts FILE      Judge the host facts recorded with honban host --record FILE
  --process-env          honban env: overlay the current process environment
  --secrets-dir DIR      honban env: a directory of Docker secrets
  --store URL            History store: sqlite:PATH or postgres://user@host/db
                         (a local server's socket: postgres:///db?host=/var/run/postgresql)
                         (default: $HONBAN_STORE, history.store in honban.yml, else
                         sqlite:DIR/.honban/history.sqlite)
  --keep N|Nd            Retention: keep the newest N runs, or N days (e.g. 180d)
  --project KEY          Project key in a shared store (default: from the git remote)
  --no-history           Do not store this run
${SHARED_HELP.en}
Examples:
  honban check --init
  honban check
  honban check . --url https://app.example.com --format html --output go-live.html
  HONBAN_STORE=postgres://honban@db.internal/honban honban check . --keep 180d
  honban history diff

Exit codes: 0 ready or ready-with-waivers; 1 not-ready; 2 usage error, bad honban.yml,
unreadable directory, unreachable history store, or internal crash.
`,
  ja: `使い方: honban check [DIR] [オプション]
       honban check --init [DIR]

本番投入の判定: 1 回の実行で DIR (既定は .) をスキャンし、対象環境の変数を検証し (DIR に env
ファイルか honban.yml の variables: があるとき)、稼働中のサイトを検査し (--url か honban.yml の
probe.url があるとき)、ホストのファクトを判定し (--host-facts があるとき)、honban.yml の
チェックリストを評価します。まずチェックリストの表を、続いて指摘をそれぞれの出どころ付きで表示します。

判定: P0 の項目が未完了か、--fail-on 以上の未対応の指摘があれば not-ready。間にあるのが免除済み
の指摘か延期した項目だけなら ready-with-waivers。それ以外は ready。
各実行は履歴ストアに保存されます (honban history を参照)。

オプション:
  --init                 初期チェックリスト (ロールバック計画、リストアの試験、監視アラート、
                         緊急連絡先、構成図、設定のバックアップ) を honban.yml に追加します
                         (なければ作成します)
  --url URL              このデプロイ済み URL を検査します (既定: honban.yml の probe.url)
  --probe-facts FILE     honban probe --save-facts で保存したファクトを判定します (通信なし)
  --ca FILE, --insecure, --header 'K: V', --timeout MS
                         probe のオプション (honban probe --help を参照)
  --host-facts FILE      honban host --record FILE で記録したホストのファクトを判定します
  --process-env          honban env: 現在のプロセスの環境変数を重ねます
  --secrets-dir DIR      honban env: Docker secrets のディレクトリ
  --store URL            履歴ストア: sqlite:PATH か postgres://user@host/db
                         (同じマシンのサーバーのソケット: postgres:///db?host=/var/run/postgresql)
                         (既定: $HONBAN_STORE、honban.yml の history.store、なければ
                         sqlite:DIR/.honban/history.sqlite)
  --keep N|Nd            保持: 新しい N 回分、または N 日分 (例: 180d) を残します
  --project KEY          共有ストアでのプロジェクトキー (既定: git の remote から)
  --no-history           この実行を保存しません
${SHARED_HELP.ja}
例:
  honban check --init
  honban check
  honban check . --url https://app.example.com --format html --output go-live.html
  HONBAN_STORE=postgres://honban@db.internal/honban honban check . --keep 180d
  honban history diff

終了コード: 0 ready か ready-with-waivers。1 not-ready。2 使い方の誤り、不正な honban.yml、
読めないディレクトリ、届かない履歴ストア、内部エラー。
`,
};

export const HISTORY_HELP: Localized = {
  en: `Usage: honban history [DIR] [options]
       honban history diff [A] [B] [options]

Lists the runs of honban check stored for this project (newest first), or what changed between
two runs (default: the last two): new, fixed and changed findings (matched by fingerprint) and
checklist items. A finding the later run could not judge (its part did not run, its file did not
parse) is listed as unchecked, never as fixed.

Options:
  --dir DIR              The checked directory (default .): its honban.yml and default store
  --store URL            sqlite:PATH or postgres://user@host/db (default: $HONBAN_STORE,
                         history.store in honban.yml, else sqlite:DIR/.honban/history.sqlite)
  --project KEY          Project key (default: from the git remote)
  --env NAME             Only runs for this environment
  --limit N              How many runs to list (default 50)
  -f, --format FORMAT    pretty | json | markdown (default: pretty)
  -o, --output FILE      Write to FILE
  --lang en|ja           Language
  -c, --config FILE      honban.yml to use
  -h, --help             Show this help

JSON: honban history → { project, store, runs: [{ id, at, commit, verdict, summary, … }] };
honban history diff → { from, to, new: [...], fixed: [...], changed: [...], unchecked: [...] }.
`,
  ja: `使い方: honban history [DIR] [オプション]
       honban history diff [A] [B] [オプション]

このプロジェクトについて保存された honban check の実行を (新しい順に) 一覧するか、2 回の実行
(既定: 直近の 2 回) の間で変わったものを示します: 新しい指摘、直った指摘、変わった指摘
(フィンガープリントで照合) とチェックリストの項目。後の実行で判定できなかった指摘 (その部分が
実行されなかった、ファイルを解析できなかった) は「未確認」として示し、直ったとはしません。

オプション:
  --dir DIR              検査したディレクトリ (既定 .): その honban.yml と既定のストア
  --store URL            sqlite:PATH か postgres://user@host/db (既定: $HONBAN_STORE、
                         honban.yml の history.store、なければ sqlite:DIR/.honban/history.sqlite)
  --project KEY          プロジェクトキー (既定: git の remote から)
  --env NAME             この環境の実行だけ
  --limit N              一覧する実行の数 (既定 50)
  -f, --format FORMAT    pretty | json | markdown (既定: pretty)
  -o, --output FILE      FILE に書き出します
  --lang en|ja           言語
  -c, --config FILE      使う honban.yml
  -h, --help             このヘルプを表示します

JSON: honban history → { project, store, runs: [{ id, at, commit, verdict, summary, … }] }、
honban history diff → { from, to, new: [...], fixed: [...], changed: [...], unchecked: [...] }。
`,
};
