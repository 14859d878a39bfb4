export const PROBE_HELP = `Usage: honban probe URL [options]

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
  -f, --format FORMAT    pretty | json | sarif | junit | markdown (default: pretty)
  -o, --output FILE      Write the report to FILE instead of stdout
  --fail-on LEVEL        critical | high | medium | low | info | none (default: high)
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
            2 usage error, bad option or unreadable facts file.
`;
