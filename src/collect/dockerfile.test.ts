import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectContext } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import { toSourceFiles } from '../commands/scan.js';
import { text } from '../testing/harness.js';
import collector, { dockerignoreMatcher, dockerShellCommands, parseDockerignore, substitute } from './dockerfile.js';
import { parseImage } from '../lib/image-ref.js';
import { type DockerfileFact } from '../facts/dockerfile.js';

async function collect(files: Record<string, string>, path = 'Dockerfile'): Promise<{ fact: DockerfileFact; secrets: string[] }> {
  const all = toSourceFiles(Object.entries(files).map(([p, content]) => ({ path: p, content })));
  const secrets: string[] = [];
  const ctx: CollectContext = { environment: 'production', files: all, customEnvs: [], registerSecret: (v) => secrets.push(v) };
  return { fact: (await collector.collect(all.find((f) => f.path === path)!, ctx)) as DockerfileFact, secrets };
}

const MULTI = text(
  '# syntax=docker/dockerfile:1',
  'ARG PY=3.12',
  'FROM python:${PY}-slim AS build',
  'USER root',
  'ENV PIP_NO_CACHE_DIR=1 \\',
  '    API_TOKEN=tok_live_abcdef123456',
  'RUN --mount=type=secret,id=pip pip install -r requirements.txt && \\',
  '    # a comment inside the continuation',
  '    chmod 755 /app',
  'FROM build AS final',
  'WORKDIR /app',
  'COPY --from=build --chown=app:app /install /usr/local',
  'COPY . .',
  'ADD https://example.com/x.tgz /opt/',
  'ENV FLASK_ENV=production PATH=/app/bin:$PATH',
  'USER app:app',
  'EXPOSE 8000/tcp',
  'HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/health || exit 1',
  'ENTRYPOINT ["/entrypoint.sh"]',
  'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
);

test('dockerfile collector: stages, inheritance through FROM <stage>, effective user / env / command, positions', async () => {
  const { fact, secrets } = await collect({ Dockerfile: MULTI, '.dockerignore': text('.git', '.env*'), 'app.py': '' });
  assert.equal(fact.stages.length, 2);
  assert.equal(fact.final, 1);
  const [build, final] = fact.stages as [DockerfileFact['stages'][0], DockerfileFact['stages'][0]];
  assert.deepEqual([build.name, build.image.resolved, build.image.tag, build.line], ['build', 'python:3.12-slim', '3.12-slim', 3]);
  assert.deepEqual([final.image.stage, final.parent, final.effective.chain], [0, 0, [0]]);
  assert.deepEqual([build.effective.user?.isRoot, final.effective.user?.user, final.effective.user?.group, final.effective.user?.isRoot, final.effective.user?.line], [true, 'app', 'app', false, 16]);
  assert.deepEqual(final.effective.env.map((e) => `${e.key}@${e.line}`), ['PIP_NO_CACHE_DIR@5', 'API_TOKEN@6', 'FLASK_ENV@15', 'PATH@15']);
  assert.equal(final.effective.workdir, '/app');
  assert.deepEqual(final.effective.argv, ['/entrypoint.sh', 'gunicorn', '--bind', '0.0.0.0:8000', 'app:app']);
  assert.deepEqual(final.effective.healthcheck && [final.effective.healthcheck.test, final.effective.healthcheck.line], ['curl -f http://localhost:8000/health || exit 1', 18]);
  assert.deepEqual(final.expose.map((e) => [e.port, e.protocol]), [['8000', 'tcp']]);
  assert.deepEqual(build.runs[0]!.flags, ['mount=type=secret,id=pip']);
  assert.deepEqual(build.runs[0]!.commands.map((c) => [c.argv[0], c.line, c.column]), [['pip', 7, 32], ['chmod', 9, 5]]);
  assert.deepEqual(final.copies.map((c) => [c.instruction, c.from, c.fromStage, c.chown, c.sources.map((s) => s.value), c.destination, c.line]), [
    ['COPY', 'build', 0, 'app:app', ['/install'], '/usr/local', 12],
    ['COPY', undefined, undefined, undefined, ['.'], '.', 13],
    ['ADD', undefined, undefined, undefined, ['https://example.com/x.tgz'], '/opt/', 14],
  ]);
  assert.equal(final.copies[2]!.sources[0]!.remote, true);
  // commands for other domains (gunicorn rules): RUN of every stage + the final CMD / ENTRYPOINT
  assert.deepEqual(fact.commands.map((c) => [c.source, c.line]), [['dockerfile-run', 7], ['dockerfile-entrypoint', 19], ['dockerfile-cmd', 20]]);
  // one entry per line: ENTRYPOINT carries what the container runs (the wrapper with CMD's arguments),
  // CMD its own command (what `exec "$@"` in the wrapper runs)
  assert.deepEqual([fact.commands[1]!.text, fact.commands[1]!.argv], ['/entrypoint.sh gunicorn --bind 0.0.0.0:8000 app:app', ['/entrypoint.sh', 'gunicorn', '--bind', '0.0.0.0:8000', 'app:app']]);
  assert.deepEqual(fact.commands[2]!.argv, ['gunicorn', '--bind', '0.0.0.0:8000', 'app:app']);
  // provides: the final image's ENV (references are not literal values), and build arguments
  assert.deepEqual(fact.provides.map((p) => `${p.name}=${p.value ?? '?'}@${p.line}:${p.column}:${p.mechanism}`), ['PIP_NO_CACHE_DIR=1@5:5:ENV', 'API_TOKEN=tok_live_abcdef123456@6:5:ENV', 'FLASK_ENV=production@15:5:ENV', 'PATH=?@15:26:ENV']);
  assert.ok(secrets.includes('tok_live_abcdef123456'));
  // build context
  assert.equal(fact.context.dockerignore?.file, '.dockerignore');
  assert.deepEqual(fact.context.entries.map((e) => `${e.path}:${e.excluded}`), ['.env:true', '.git:true', 'venv:false', '.venv:false']);
});

test('dockerfile collector: ENTRYPOINT resets an inherited CMD; shell-form commands are split', async () => {
  const { fact } = await collect({ Dockerfile: text('FROM python:3.12 AS base', 'CMD ["python", "-V"]', 'FROM base', 'ENTRYPOINT cd /app && exec gunicorn app:app') });
  const last = fact.stages[1]!;
  assert.equal(last.effective.cmd, undefined);
  assert.deepEqual(last.effective.commands.map((c) => c.argv), [['cd', '/app'], ['exec', 'gunicorn', 'app:app']]);
});

test('dockerfile collector: parse errors carry their line', async () => {
  const cases: [string, number, RegExp][] = [
    [text('FROM alpine:3.20', 'RUNN echo'), 2, /unknown instruction/],
    [text('# only a comment'), 1, /no instructions/],
    [text('ENV A=1', 'FROM alpine:3.20'), 1, /before the first FROM/],
    [text('FROM alpine:3.20', 'RUN'), 2, /no arguments/],
    [text('FROM alpine:3.20 AS'), 1, /FROM takes/],
    [text('FROM alpine:3.20', 'COPY --chown=app app.py'), 2, /source and a destination/],
  ];
  for (const [src, line, re] of cases) {
    await assert.rejects(collect({ Dockerfile: src }), (e: unknown) => e instanceof ParseError && e.line === line && re.test(e.message), src);
  }
});

test('dockerShellCommands: operators, quotes, continuations, redirections, heredocs', () => {
  const cmds = dockerShellCommands({ text: 'apt-get update && apt-get install -y "a b" \'c d\' > /dev/null 2>&1 || true; echo $(date) | tee x\nset -e', line: 1, column: 1 });
  assert.deepEqual(cmds.map((c) => c.argv), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'a b', 'c d'], ['true'], ['echo', '$(date)'], ['tee', 'x'], ['set', '-e']]);
  const here = dockerShellCommands({ text: 'cat <<EOF > /etc/x.conf\nchmod 777 /\nEOF\nbash <<-SCRIPT\n\tchmod 777 /data\n\tSCRIPT\necho done', line: 10, column: 5 });
  assert.deepEqual(here.map((c) => [c.argv.join(' '), c.line]), [['cat', 10], ['bash', 13], ['chmod 777 /data', 14], ['echo done', 16]]);
});

test('dockerShellCommands: Docker joins continuation lines (dropping comment lines) before the shell; positions stay in the Dockerfile', () => {
  const cmds = dockerShellCommands({ text: 'apt-get install \\\n  # a comment\n  curl \\\r\n  && rm -rf x', line: 5, column: 5 });
  assert.deepEqual(cmds.map((c) => c.words.map((w) => `${w.value}@${w.line}:${w.column}`)), [['apt-get@5:5', 'install@5:13', 'curl@7:3'], ['rm@8:6', '-rf@8:9', 'x@8:13']]);
  const backtick = dockerShellCommands({ text: 'echo a `\n b', line: 1, column: 1 }, '`');
  assert.deepEqual(backtick.map((c) => c.argv), [['echo', 'a', 'b']]);
});

test('helpers: image references, variable substitution, .dockerignore with Docker semantics', () => {
  assert.deepEqual(parseImage('registry.example.com:5000/team/app:1.2@sha256:abc'), { name: 'registry.example.com:5000/team/app', tag: '1.2', digest: 'sha256:abc' });
  assert.deepEqual(parseImage('localhost:5000/app'), { name: 'localhost:5000/app', tag: undefined, digest: undefined });
  assert.deepEqual(substitute('python:${PY:-3.11}-${VARIANT}', new Map([['VARIANT', 'slim']])), { value: 'python:3.11-slim', unresolved: false });
  assert.deepEqual(substitute('${X}', new Map()), { value: '${X}', unresolved: true });
  const ex = dockerignoreMatcher(parseDockerignore(text('# comment', '.env', '**/*.pem', 'node_modules', '!keep.pem', 'logs/')));
  assert.equal(ex('.env'), true);
  assert.equal(ex('config/.env'), false, 'Docker anchors patterns at the context root');
  assert.equal(ex('certs/server.pem'), true);
  assert.equal(ex('keep.pem'), false);
  assert.equal(ex('node_modules/x/index.js'), true);
  assert.equal(ex('logs/app.log'), true);
  assert.equal(ex('src/app.py'), false);
});

test('dockerfile collector: build arguments are provided with mechanism ARG (global defaults apply to redeclared ARGs)', async () => {
  const { fact } = await collect({ Dockerfile: text('ARG NODE_VERSION=20', 'ARG VITE_API=https://api.example.com', 'FROM node:${NODE_VERSION} AS build', 'ARG VITE_API', 'ARG SENTRY_RELEASE', 'RUN npm run build', 'FROM nginx:1.27', 'ARG VITE_API') });
  assert.deepEqual(fact.provides.map((p) => `${p.mechanism} ${p.name}=${p.value ?? '?'}@${p.line}`), ['ARG VITE_API=https://api.example.com@4', 'ARG SENTRY_RELEASE=?@5']);
});
