/**
 * Pathological inputs for every parser honban runs, generated at run time (never committed):
 * 10,000-deep nesting, 100,000-term expressions and 5 MB single lines, one set per file kind.
 *
 * Used by `src/collect/pathological.test.ts` (every input ends in bounded time, as facts or as an
 * error entry naming the file) and by the benchmark.
 */

export const DEPTH = 10_000;
export const TERMS = 100_000;
export const LINE_BYTES = 5 * 1024 * 1024;

export interface PathologicalInput {
  /** What is pathological about it: `nesting`, `terms` or `line`. */
  shape: 'nesting' | 'terms' | 'line';
  /** Path that makes discovery classify the file as the kind under test. */
  path: string;
  content: string;
}

const rep = (s: string, n: number) => s.repeat(n);
/** `a OP b OP c …` with `n` terms. */
const chain = (term: (i: number) => string, op: string, n: number) => Array.from({ length: n }, (_, i) => term(i)).join(op);
/** One line of about LINE_BYTES bytes made of `unit`. */
const longLine = (prefix: string, unit: string, suffix = '') => prefix + rep(unit, Math.ceil(LINE_BYTES / unit.length)) + suffix;

const HEAD_JS = "'use strict';\nconst express = require('express');\nconst app = express();\napp.use(express.json());\nconst port = process.env.PORT || 3000;\napp.listen(port);\n";

/** Every pathological input, by the file kind it exercises. */
export function pathologicalInputs(): Record<string, PathologicalInput[]> {
  const D = DEPTH;
  const T = TERMS;
  return {
    python: [
      { shape: 'nesting', path: 'deep.py', content: `X = ${rep('[', D)}${rep(']', D)}\nY = ${rep('(', D)}1${rep(')', D)}\n` },
      { shape: 'nesting', path: 'deep_blocks.py', content: Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('') + ' '.repeat(2000) + 'pass\n' },
      { shape: 'terms', path: 'terms.py', content: `X = os.environ.get("A") or ${chain((i) => `os.getenv("V${i}")`, ' or ', T / 4)}\nY = ${chain(() => '1', ' + ', T)}\n` },
      { shape: 'line', path: 'line.py', content: `SECRET_KEY = "${rep('a', LINE_BYTES)}"\n` },
      { shape: 'line', path: 'line2.py', content: longLine('', 'x=1;') + '\n' },
    ],
    ruby: [
      { shape: 'nesting', path: 'deep.rb', content: `X = ${rep('[', D)}${rep(']', D)}\nY = ${rep('(', D)}1${rep(')', D)}\n` },
      { shape: 'terms', path: 'terms.rb', content: `x = ${chain((i) => `ENV["V${i}"]`, ' || ', T / 4)}\ny = ${chain(() => '1', ' + ', T)}\n` },
      { shape: 'line', path: 'line.rb', content: `config.secret_key_base = "${rep('a', LINE_BYTES)}"\n` },
    ],
    javascript: [
      { shape: 'nesting', path: 'deep.js', content: `${HEAD_JS}const x = ${rep('[', D)}${rep(']', D)};\nconst y = ${rep('(', D)}1${rep(')', D)};\nconst z = ${rep('{a:', D)}1${rep('}', D)};\n` },
      { shape: 'nesting', path: 'deep_calls.js', content: `${HEAD_JS}app.use(${rep('f(', D)}process.env.X${rep(')', D)});\nconst w = ${rep('(await ', D)}g()${rep(')', D)}.h();\n` },
      { shape: 'terms', path: 'terms.js', content: `${HEAD_JS}const a = ${chain((i) => `process.env.V${i}`, ' ?? ', T / 4)};\nconst b = ${chain((i) => `v${i}`, ' ?? ', T)};\nconst c = ${chain(() => '1', ' + ', T)};\n` },
      // Six ordinary lines first: a file of five lines or fewer with a long one is build output, which the collector skips.
      { shape: 'line', path: 'line.js', content: `${HEAD_JS}${longLine('var s=', 'a.b(c);')}\n` },
    ],
    typescript: [
      { shape: 'nesting', path: 'deep.ts', content: `${HEAD_JS}const x: any = ${rep('[', D)}${rep(']', D)};\ntype T = ${rep('Array<', D)}string${rep('>', D)};\n` },
      { shape: 'terms', path: 'terms.ts', content: `${HEAD_JS}const a = ${chain((i) => `(values.o${i} as string)`, ' ?? ', T / 4)};\nconst b = ${chain((i) => `process.env.V${i}!`, ' ?? ', T / 4)};\n` },
      { shape: 'line', path: 'line.ts', content: `${HEAD_JS}export const s: string = "${rep('a', LINE_BYTES)}";\n` },
    ],
    terraform: [
      { shape: 'nesting', path: 'deep.tf', content: `locals {\n  x = ${rep('[', D)}${rep(']', D)}\n  y = ${rep('(', D)}1${rep(')', D)}\n}\n` },
      { shape: 'nesting', path: 'deep_blocks.tf', content: `resource "aws_s3_bucket" "b" {\n${rep('  dynamic "x" {\n content {\n', 2000)}${rep('}\n}\n', 2000)}}\n` },
      { shape: 'terms', path: 'terms.tf', content: `locals {\n  x = ${chain(() => '1', ' + ', T)}\n  y = ${chain((i) => `var.v${i % 50}`, ' || ', T / 4)}\n}\n` },
      { shape: 'terms', path: 'refs.tf', content: Array.from({ length: 2000 }, (_, i) => `locals { l${i} = local.l${i + 1} }\n`).join('') },
      { shape: 'line', path: 'line.tf', content: `resource "aws_s3_bucket" "b" { bucket = "${rep('a', LINE_BYTES)}" }\n` },
    ],
    tfvars: [{ shape: 'line', path: 'line.tfvars', content: `x = "${rep('a', LINE_BYTES)}"\n` }],
    dotenv: [
      { shape: 'nesting', path: '.env.production', content: `A=${rep('${', D)}B${rep('}', D)}\n` },
      { shape: 'terms', path: 'terms/.env.production', content: Array.from({ length: T }, (_, i) => `K${i}=\${K${i + 1}}`).join('\n') + '\n' },
      { shape: 'terms', path: 'interp/.env.production', content: `A=${chain((i) => `\${V${i}}`, '', T)}\n` },
      { shape: 'line', path: 'line/.env.production', content: `SECRET_KEY=${rep('a', LINE_BYTES)}\n` },
      { shape: 'line', path: 'quote/.env.production', content: `SECRET_KEY="${rep('a\\"', LINE_BYTES / 3)}\n` },
    ],
    dockerfile: [
      { shape: 'nesting', path: 'deep/Dockerfile', content: `FROM python:3.12-slim\nCMD ${rep('[', D)}${rep(']', D)}\n` },
      { shape: 'terms', path: 'terms/Dockerfile', content: `FROM python:3.12-slim\nRUN ${chain((i) => `echo ${i}`, ' && ', T)}\nENV ${chain((i) => `K${i}=v`, ' ', T / 4)}\n` },
      { shape: 'terms', path: 'cont/Dockerfile', content: `FROM python:3.12-slim\nRUN ${chain((i) => `echo ${i}`, ' \\\n && ', T / 4)}\n` },
      { shape: 'line', path: 'line/Dockerfile', content: `FROM python:3.12-slim\nENV SECRET_KEY=${rep('a', LINE_BYTES)}\n` },
    ],
    compose: [
      { shape: 'nesting', path: 'deep/docker-compose.yml', content: `services:\n  web:\n    image: x\n    labels: ${rep('[', D)}${rep(']', D)}\n` },
      { shape: 'nesting', path: 'indent/docker-compose.yml', content: 'services:\n  web:\n    image: x\n    x-deep:\n' + Array.from({ length: 2000 }, (_, i) => `${' '.repeat(6 + i * 2)}k${i}:\n`).join('') + `${' '.repeat(6 + 2000 * 2)}v\n` },
      { shape: 'terms', path: 'terms/docker-compose.yml', content: `services:\n  web:\n    image: x\n    environment:\n${Array.from({ length: T / 4 }, (_, i) => `      - K${i}=v`).join('\n')}\n` },
      { shape: 'terms', path: 'aliases/docker-compose.yml', content: `x-a: &a0 [x, x]\n${Array.from({ length: 30 }, (_, i) => `x-a${i + 1}: &a${i + 1} [*a${i}, *a${i}]`).join('\n')}\nservices:\n  web:\n    image: x\n    command: *a30\n` },
      { shape: 'line', path: 'line/docker-compose.yml', content: `services:\n  web:\n    image: x\n    environment:\n      SECRET_KEY: ${rep('a', LINE_BYTES)}\n` },
    ],
    kubernetes: [
      { shape: 'nesting', path: 'k8s/deep.yaml', content: `apiVersion: v1\nkind: Pod\nmetadata: ${rep('{a: ', D)}1${rep('}', D)}\n` },
      { shape: 'terms', path: 'k8s/terms.yaml', content: `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n${Array.from({ length: T / 10 }, (_, i) => `  - name: c${i}\n    image: x`).join('\n')}\n` },
      { shape: 'line', path: 'k8s/line.yaml', content: `apiVersion: v1\nkind: Secret\nstringData:\n  k: ${rep('a', LINE_BYTES)}\n` },
    ],
    yaml: [
      { shape: 'nesting', path: 'config/secrets.yml', content: `production: ${rep('[', D)}${rep(']', D)}\n` },
      { shape: 'line', path: 'config/database.yml', content: `production:\n  password: ${rep('a', LINE_BYTES)}\n` },
    ],
    nginx: [
      { shape: 'nesting', path: 'nginx/deep.conf', content: `http {\n${rep('location / {\n', D)}${rep('}\n', D)}}\n` },
      { shape: 'terms', path: 'nginx/terms.conf', content: `http {\n  server_name ${chain((i) => `h${i}.example.com`, ' ', T)};\n${Array.from({ length: T / 10 }, (_, i) => `  add_header X-${i} v;`).join('\n')}\n}\n` },
      { shape: 'line', path: 'nginx/line.conf', content: `http { add_header X "${rep('a', LINE_BYTES)}"; }\n` },
    ],
    systemd: [
      { shape: 'terms', path: 'terms.service', content: `[Service]\nExecStart=${chain((i) => `a${i}`, ' ', T)}\n${Array.from({ length: T / 10 }, (_, i) => `Environment=K${i}=v`).join('\n')}\n` },
      { shape: 'nesting', path: 'cont.service', content: `[Service]\nExecStart=/bin/true${rep(' \\\n x', D)}\n` },
      { shape: 'line', path: 'line.service', content: `[Service]\nEnvironment=SECRET_KEY=${rep('a', LINE_BYTES)}\n` },
    ],
    sshd: [
      { shape: 'terms', path: 'sshd_config', content: Array.from({ length: T }, (_, i) => `Match User u${i}\n  PasswordAuthentication yes`).join('\n') + '\n' },
      { shape: 'line', path: 'line/sshd_config', content: `AllowUsers ${rep('a ', LINE_BYTES / 2)}\n` },
    ],
    shell: [
      { shape: 'nesting', path: 'deep.sh', content: `#!/bin/sh\necho ${rep('$(', D)}x${rep(')', D)}\nX=${rep('"$(', 2000)}y${rep(')"', 2000)}\n` },
      { shape: 'terms', path: 'terms.sh', content: `#!/bin/sh\n${chain((i) => `echo ${i}`, ' && ', T)}\n` },
      { shape: 'line', path: 'line.sh', content: `#!/bin/sh\nexport SECRET_KEY=${rep('a', LINE_BYTES)}\n` },
    ],
    procfile: [
      { shape: 'terms', path: 'Procfile', content: `web: ${chain((i) => `a${i}`, ' ', T)}\n` },
      { shape: 'line', path: 'line/Procfile', content: `web: gunicorn ${rep('a', LINE_BYTES)}\n` },
    ],
    html: [
      { shape: 'nesting', path: 'templates/deep.html', content: `${rep('<div>', D)}${rep('</div>', D)}\n${rep('{% if x %}', D)}${rep('{% endif %}', D)}\n` },
      { shape: 'terms', path: 'templates/terms.html', content: `${chain((i) => `{{ v${i} }}`, ' ', T)}\n` },
      { shape: 'line', path: 'templates/line.html', content: `<script>${rep('a', LINE_BYTES)}</script>\n` },
    ],
    text: [{ shape: 'line', path: 'notes.txt', content: rep('token=abc ', LINE_BYTES / 10) + '\n' }],
    json: [{ shape: 'nesting', path: 'deep.json', content: `${rep('[', D)}${rep(']', D)}\n` }],
  };
}
