import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectContext } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import { toSourceFiles } from '../commands/scan.js';
import { text } from '../testing/harness.js';
import collector from './kubernetes.js';
import { type KubernetesFact } from '../facts/kubernetes.js';

async function collect(files: Record<string, string>, path: string): Promise<{ fact: KubernetesFact | undefined; secrets: string[] }> {
  const all = toSourceFiles(Object.entries(files).map(([p, content]) => ({ path: p, content })));
  const secrets: string[] = [];
  const ctx: CollectContext = { environment: 'production', files: all, customEnvs: [], registerSecret: (v) => secrets.push(v) };
  const file = all.find((f) => f.path === path)!;
  assert.equal(file.kind, 'kubernetes');
  return { fact: (await collector.collect(file, ctx)) as KubernetesFact | undefined, secrets };
}

const DEPLOY = text(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  template:',
  '    spec:',
  '      initContainers:',
  '        - name: migrate',
  '          image: acme/web:1.2',
  '          command: ["flask", "db", "upgrade"]',
  '      containers:',
  '        - name: web',
  '          image: acme/web:1.2',
  '          env:',
  '            - name: FLASK_ENV',
  '              value: production',
  '            - name: SECRET_KEY',
  '              valueFrom:',
  '                secretKeyRef:',
  '                  name: web-secrets',
  '                  key: secret-key',
  '            - name: LOG_LEVEL',
  '              valueFrom:',
  '                configMapKeyRef: {name: web-config, key: log-level}',
  '            - name: API_TOKEN',
  '              value: "tok-3f9a8b7c6d5e4f3a2b1c"',
  '          envFrom:',
  '            - configMapRef:',
  '                name: web-config',
  '            - prefix: DB_',
  '              secretRef:',
  '                name: db-credentials',
  '            - secretRef:',
  '                name: not-in-repo',
  '          resources:',
  '            limits: {memory: 512Mi}',
  '          livenessProbe:',
  '            httpGet: {path: /health, port: 8000}',
  '---',
  'apiVersion: batch/v1',
  'kind: CronJob',
  'metadata: {name: nightly}',
  'spec:',
  '  jobTemplate:',
  '    spec:',
  '      template:',
  '        spec:',
  '          containers:',
  '            - name: job',
  '              image: acme/job',
  '              env:',
  '                - name: MODE',
  '                  value: batch',
);

const CONFIG = text(
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: web-config',
  'data:',
  '  LOG_LEVEL: info',
  '  FEATURE_X: "on"',
  '---',
  'apiVersion: v1',
  'kind: Secret',
  'metadata:',
  '  name: db-credentials',
  'type: Opaque',
  'data:',
  `  PASSWORD: ${Buffer.from('s3cr3t-db-pass').toString('base64')}`,
  'stringData:',
  '  USER: app',
);

test('kubernetes collector: workloads, containers, env / valueFrom / envFrom as provides, multi-document', async () => {
  const { fact, secrets } = await collect({ 'k8s/deploy.yaml': DEPLOY, 'k8s/config.yaml': CONFIG }, 'k8s/deploy.yaml');
  assert.ok(fact);
  assert.equal(fact.documents, 2);
  assert.deepEqual(fact.workloads.map((w) => [w.kind, w.name, w.line]), [['Deployment', 'web', 2], ['CronJob', 'nightly', 42]]);
  const web = fact.workloads[0]!;
  assert.deepEqual(web.containers.map((c) => [c.name, c.init, c.image?.tag]), [['migrate', true, '1.2'], ['web', false, '1.2']]);
  const c = web.containers[1]!;
  assert.deepEqual(c.env.map((e) => [e.name, e.source, e.value, e.ref?.name, e.line]), [
    ['FLASK_ENV', 'value', 'production', undefined, 16],
    ['SECRET_KEY', 'secretKeyRef', undefined, 'web-secrets', 18],
    ['LOG_LEVEL', 'configMapKeyRef', undefined, 'web-config', 23],
    ['API_TOKEN', 'value', 'tok-3f9a8b7c6d5e4f3a2b1c', undefined, 26],
  ]);
  assert.deepEqual(c.envFrom.map((e) => [e.kind, e.name, e.prefix, e.resolved, e.line]), [
    ['configMapRef', 'web-config', undefined, true, 29],
    ['secretRef', 'db-credentials', 'DB_', true, 32],
    ['secretRef', 'not-in-repo', undefined, false, 34],
  ]);
  assert.equal(c.resources.limitsMemory?.value, '512Mi');
  assert.equal(c.probes.liveness, true);
  assert.equal(c.probes.readiness, false);
  const p = fact.provides.map((x) => `${x.mechanism} ${x.name}${x.value !== undefined ? '=' + x.value : ''} ${x.viaSecretStore ? 'secret' : 'plain'} ${x.file}:${x.line}`);
  assert.deepEqual(p, [
    'k8s-env FLASK_ENV=production plain k8s/deploy.yaml:16',
    'k8s-secretKeyRef SECRET_KEY secret k8s/deploy.yaml:18',
    'k8s-env LOG_LEVEL plain k8s/deploy.yaml:23',
    'k8s-env API_TOKEN=tok-3f9a8b7c6d5e4f3a2b1c plain k8s/deploy.yaml:26',
    'k8s-envFrom LOG_LEVEL=info plain k8s/config.yaml:6',
    'k8s-envFrom FEATURE_X=on plain k8s/config.yaml:7',
    'k8s-envFrom DB_PASSWORD secret k8s/config.yaml:15',
    'k8s-envFrom DB_USER secret k8s/config.yaml:17',
    'k8s-env MODE=batch plain k8s/deploy.yaml:53',
  ]);
  assert.equal(fact.hasSecretMechanism, true);
  assert.deepEqual(fact.commands.map((x) => [x.text, x.line]), [['flask db upgrade', 9]]);
  assert.ok(secrets.includes('tok-3f9a8b7c6d5e4f3a2b1c'));
});

test('kubernetes collector: Secret manifests register their values (base64-decoded too) and are listed as configs', async () => {
  const { fact, secrets } = await collect({ 'k8s/config.yaml': CONFIG }, 'k8s/config.yaml');
  assert.ok(fact);
  assert.deepEqual(fact.configs.map((o) => [o.kind, o.name, o.keys.map((k) => `${k.key}:${k.line}${k.encoded ? ':b64' : ''}`)]), [
    ['ConfigMap', 'web-config', ['LOG_LEVEL:6', 'FEATURE_X:7']],
    ['Secret', 'db-credentials', ['PASSWORD:15:b64', 'USER:17']],
  ]);
  assert.ok(secrets.includes('s3cr3t-db-pass'));
  assert.equal(fact.workloads.length, 0);
});

test('kubernetes collector: malformed YAML is a ParseError with its line; a Helm template is skipped; other kinds give no fact', async () => {
  await assert.rejects(collect({ 'k.yaml': text('apiVersion: v1', 'kind: Pod', 'spec:', '  containers: [', '') }, 'k.yaml'), (e: unknown) => e instanceof ParseError && (e.line ?? 0) >= 4);
  const helm = await collect({ 'chart/templates/d.yaml': text('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Release.Name }}', '  labels: {{ include "x" . | nindent 4 }}') }, 'chart/templates/d.yaml');
  assert.equal(helm.fact, undefined);
  const svc = await collect({ 'svc.yaml': text('apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec: {ports: [{port: 80}]}') }, 'svc.yaml');
  assert.equal(svc.fact, undefined);
});
