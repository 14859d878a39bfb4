import type { Localized } from '../contracts/types.js';

export const PROBE_HELP: Localized = {
  en: `Usage: honban probe URL [options]

Checks a deployed site the way production needs it, in one run: plain HTTP redirects to HTTPS,
TLS versions and certificate (chain, host name, expiry, key, signature), security headers (HSTS,
CSP judged with csp_evaluator, nosniff, frame protection, Referrer-Policy), Server / X-Powered-By
disclosure, cookie flags, CORS, debug pages (Werkzeug, Django, Rails, stack traces), login page
CSRF token, health endpoint, expected server, latency — and a load test on request. It only
reads: GET requests, never a form post. Loopback, private addresses and odd ports work.
A grade A+ … F is printed (docs/probe.md explains the scoring).

Probe options:
  --http-url URL         Plain-HTTP address to test the redirect from
                         (default: the same host on port 80)
  --ca FILE              Extra trusted CA certificates (PEM), for internal sites
  --insecure             Go on with the HTTP checks when the certificate is not trusted
  --header 'Name: value' Send this header with every request (repeatable; values never printed)
  --cookie 'name=value'  Send this cookie with every request (repeatable; values never printed)
  --login-path PATH      Login page: its form must carry a CSRF token, its cookies the right flags
  --health-path PATH     Health endpoint: must answer 2xx within the timeout
  --expect-server REGEX  The Server header must match (catches another process on the port)
  --timeout MS           Per-request timeout (default 10000)
  --load N               Load test with N GET requests (at most 10000, at most 60 s)
  --concurrency C        Concurrent connections for --load (default 10)
  --save-facts FILE      Write everything gathered to FILE (secrets masked)
  --from-facts FILE      Judge facts saved with --save-facts again, with no network

Shared options:
  --env NAME             Target environment (default: production)
  --lang en|ja           Language of messages (default: from LANG)
  -f, --format FORMAT    pretty | json | sarif | junit | markdown | github | gitlab (default: pretty)
  -o, --output FILE      Write the report to FILE instead of stdout (a summary line goes to stderr)
  --fail-on LEVEL        critical | high | medium | low | info | none (default: high)
  --rule ID              Only this rule (repeatable; globs such as 'headers/*')
  --skip-rule ID         Leave this rule out (repeatable; globs)
  --min-severity LEVEL   Leave out findings below LEVEL
  -c, --config FILE      honban.yml to use (default: ./honban.yml; its probe: section gives defaults)
  --baseline FILE        Report only findings not in FILE
  --write-baseline FILE  Record today's open findings in FILE
  -q, --quiet            No progress; pretty output shows open findings only
  -h, --help             Show this help

Examples:
  honban probe https://app.example.com
  honban probe https://app.example.com --login-path /login --health-path /healthz --fail-on medium
  honban probe https://10.0.0.5:8443 --ca internal-ca.pem --expect-server '^nginx'
  honban probe https://127.0.0.1:8443 --insecure --http-url http://127.0.0.1:8080
  honban probe https://app.example.com --load 100 --concurrency 10     # ab -n 100 -c 10
  honban probe https://app.example.com --header 'Authorization: Bearer …' --save-facts probe.json
  honban probe --from-facts probe.json --format json

Exit codes: 0 no open finding at or above --fail-on; 1 open findings at or above it;
            2 usage error, bad option, unreadable facts file, or a site that does not answer at all
              (DNS, connection refused, timeout on every request: nothing could be checked).
`,
  ja: `使い方: honban probe URL [オプション]

デプロイ済みのサイトが本番に必要な設定になっているかを 1 回で検査します: 平文 HTTP から HTTPS へ
のリダイレクト、TLS のバージョンと証明書 (チェーン、ホスト名、有効期限、鍵、署名)、セキュリティ
ヘッダー (HSTS、csp_evaluator で判定する CSP、nosniff、フレーム保護、Referrer-Policy)、Server /
X-Powered-By による情報の露出、Cookie の属性、CORS、デバッグページ (Werkzeug、Django、Rails、
スタックトレース。本文の内容で確かめます)、ログインページの CSRF トークン、ヘルスチェック、想定
どおりのサーバー、応答時間、それに指定すれば負荷試験。読み取りだけを行います (GET のみ、フォーム
の送信はしません)。ループバック、プライベートアドレス、標準以外のポートも検査できます。
A+ から F までの評価を表示します (採点は docs/probe.md に説明があります)。

probe のオプション:
  --http-url URL         リダイレクトを試す平文 HTTP のアドレス
                         (既定: 同じホストのポート 80)
  --ca FILE              追加で信頼する CA 証明書 (PEM)。社内サイト向け
  --insecure             証明書が信頼できなくても HTTP の検査を続けます
  --header 'Name: value' すべてのリクエストにこのヘッダーを付けます (複数指定可。値は表示しません)
  --cookie 'name=value'  すべてのリクエストにこの Cookie を付けます (複数指定可。値は表示しません)
  --login-path PATH      ログインページ: フォームに CSRF トークンが、Cookie に適切な属性が必要です
  --health-path PATH     ヘルスチェックのエンドポイント: タイムアウト内に 2xx を返す必要があります
  --expect-server REGEX  Server ヘッダーがこれに一致する必要があります (別のプロセスが応答していないか)
  --timeout MS           リクエストごとのタイムアウト (既定 10000)
  --load N               N 回の GET で負荷試験をします (最大 10000 回、最大 60 秒)
  --concurrency C        --load の同時接続数 (既定 10)
  --save-facts FILE      集めた内容をすべて FILE に書きます (秘密は伏せます)
  --from-facts FILE      --save-facts で保存した内容をネットワークなしで判定し直します

共通オプション:
  --env NAME             対象環境 (既定: production)
  --lang en|ja           メッセージの言語 (既定: LANG に従う)
  -f, --format FORMAT    pretty | json | sarif | junit | markdown | github | gitlab (既定: pretty)
  -o, --output FILE      レポートを標準出力ではなく FILE に書きます (要約 1 行を標準エラーに出します)
  --fail-on LEVEL        critical | high | medium | low | info | none (既定: high)
  --rule ID              このルールだけを対象にします (複数指定可。'headers/*' のようなグロブも可)
  --skip-rule ID         このルールを除外します (複数指定可。グロブも可)
  --min-severity LEVEL   LEVEL より低い重大度の指摘を除外します
  -c, --config FILE      使う honban.yml (既定: ./honban.yml。その probe: 節が既定値になります)
  --baseline FILE        FILE にない指摘だけを報告します
  --write-baseline FILE  今日の未対応の指摘を FILE に記録します
  -q, --quiet            進捗を出しません。pretty では未対応の指摘だけを表示します
  -h, --help             このヘルプを表示します

例:
  honban probe https://app.example.com
  honban probe https://app.example.com --login-path /login --health-path /healthz --fail-on medium
  honban probe https://10.0.0.5:8443 --ca internal-ca.pem --expect-server '^nginx'
  honban probe https://127.0.0.1:8443 --insecure --http-url http://127.0.0.1:8080
  honban probe https://app.example.com --load 100 --concurrency 10     # ab -n 100 -c 10
  honban probe https://app.example.com --header 'Authorization: Bearer …' --save-facts probe.json
  honban probe --from-facts probe.json --format json

終了コード: 0 --fail-on 以上の未対応の指摘なし / 1 あり /
            2 使い方やオプションの誤り、読めないファクトファイル、まったく応答しないサイト
              (DNS、接続拒否、すべてのリクエストがタイムアウト: 何も検査できなかったとき)
`,
};
