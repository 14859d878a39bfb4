/**
 * Kubernetes manifest collector (multi-document YAML through the `yaml` Document API): workloads
 * (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, Argo Rollout, OpenShift
 * DeploymentConfig) with their containers' env / envFrom, image, command, resources, probes and
 * security context; ConfigMaps and Secrets with their keys. The variables containers receive are
 * exposed as `provides` for the env contract: `env[].value` (k8s-env), `valueFrom.secretKeyRef`
 * (k8s-secretKeyRef), `envFrom` expanded with the keys of the ConfigMap / Secret when it is among
 * the scanned files (k8s-envFrom). No rules judge these facts yet.
 */
import { isMap, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { CollectContext, Collector } from '../contracts/collector.js';
import { ParseError } from '../contracts/errors.js';
import type { CommandLine, ProvidedVar } from '../facts/common.js';
import type { SourceFile } from '../contracts/types.js';
import { bool, deref, entries, get, items, locOf, located, scalarText, type Ctx } from './compose.js';
import { registerValue } from './dockerfile.js';
import { parseImage } from '../lib/image-ref.js';
import type { K8sWorkload, K8sEnvVar, K8sContainer, K8sConfigObject } from '../facts/kubernetes.js';

interface ParsedFile {
  ctx: Ctx;
  docs: { contents: unknown; ctx: Ctx }[];
}

const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
};

function path(c: Ctx, node: unknown, keys: string[]): unknown {
  let n: unknown = node;
  for (const k of keys) {
    const e = get(c, n, k);
    if (!e) return undefined;
    n = deref(c, e.value);
  }
  return n;
}

function stringList(c: Ctx, node: unknown): string[] | undefined {
  const n = deref(c, node);
  if (!isSeq(n)) return undefined;
  return n.items.map((x) => scalarText(c, x) ?? '');
}

function parseFile(text: string): ParsedFile | { error: ParseError } {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, merge: true, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [];
  for (const d of list) {
    if (d.errors.length) {
      const e = d.errors[0]!;
      const p = e.linePos?.[0];
      return { error: new ParseError(`invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, p?.line, p?.col) };
    }
  }
  return { ctx: { doc: list[0]!, lc }, docs: list.map((d) => ({ contents: d.contents, ctx: { doc: d, lc } })) };
}

function configObjects(file: string, parsed: ParsedFile, ctx?: CollectContext): (K8sConfigObject & { file: string; values: Map<string, string | undefined> })[] {
  const out: (K8sConfigObject & { file: string; values: Map<string, string | undefined> })[] = [];
  for (const { contents, ctx: c } of parsed.docs) {
    const kind = located(c, get(c, contents, 'kind'))?.value;
    if (kind !== 'ConfigMap' && kind !== 'Secret') continue;
    const meta = get(c, contents, 'metadata')?.value;
    const name = located(c, get(c, meta, 'name'))?.value ?? '';
    const keys: K8sConfigObject['keys'] = [];
    const values = new Map<string, string | undefined>();
    for (const section of ['data', 'stringData'] as const) {
      for (const e of entries(c, get(c, contents, section)?.value)) {
        const raw = scalarText(c, e.value);
        const encoded = kind === 'Secret' && section === 'data';
        let value = raw;
        if (encoded && raw !== undefined) {
          try {
            value = Buffer.from(raw.replace(/\s+/g, ''), 'base64').toString('utf8');
          } catch {
            value = undefined;
          }
        }
        if (ctx && raw !== undefined) {
          if (kind === 'Secret') {
            ctx.registerSecret(raw);
            if (value !== undefined) ctx.registerSecret(value);
          } else registerValue(ctx, e.key, raw);
        }
        keys.push({ key: e.key, encoded, ...locOf(c, e.keyNode) });
        values.set(e.key, kind === 'Secret' ? undefined : value);
      }
    }
    const at = locOf(c, get(c, contents, 'kind')?.keyNode);
    out.push({ kind, name, namespace: located(c, get(c, meta, 'namespace'))?.value, keys, ...at, file, values });
  }
  return out;
}

/** ConfigMaps / Secrets of every scanned manifest, parsed once per run. */
const indexCache = new WeakMap<readonly SourceFile[], ReturnType<typeof configObjects>>();
function configIndex(files: readonly SourceFile[]): ReturnType<typeof configObjects> {
  let idx = indexCache.get(files);
  if (!idx) {
    idx = [];
    for (const f of files) {
      if (f.kind !== 'kubernetes' || !/\bkind:\s*(ConfigMap|Secret)\b/.test(f.content)) continue;
      const parsed = parseFile(f.content);
      if ('error' in parsed) continue;
      idx.push(...configObjects(f.path, parsed));
    }
    indexCache.set(files, idx);
  }
  return idx;
}

function containerOf(c: Ctx, node: unknown, init: boolean, ctx: CollectContext): K8sContainer {
  const nameLoc = located(c, get(c, node, 'name'));
  const at = nameLoc ?? locOf(c, node);
  const container: K8sContainer = {
    name: nameLoc?.value ?? '',
    init,
    line: at.line,
    column: at.column,
    env: [],
    envFrom: [],
    resources: {},
    probes: { liveness: !!get(c, node, 'livenessProbe'), readiness: !!get(c, node, 'readinessProbe'), startup: !!get(c, node, 'startupProbe') },
    securityContext: {},
  };
  const image = located(c, get(c, node, 'image'));
  if (image) {
    const p = parseImage(image.value);
    container.image = { raw: image.value, resolved: image.value, name: p.name, tag: p.tag, digest: p.digest, unresolved: /\{\{|\$\(/.test(image.value), scratch: false, line: image.line, column: image.column };
  }
  for (const it of items(c, get(c, node, 'env')?.value)) {
    const name = located(c, get(c, it, 'name'));
    if (!name) continue;
    const valueEntry = get(c, it, 'value');
    const value = valueEntry ? scalarText(c, valueEntry.value) : undefined;
    const from = get(c, it, 'valueFrom')?.value;
    let source: K8sEnvVar['source'] = valueEntry ? 'value' : 'none';
    let ref: K8sEnvVar['ref'];
    for (const kind of ['secretKeyRef', 'configMapKeyRef', 'fieldRef', 'resourceFieldRef'] as const) {
      const r = get(c, from, kind);
      if (!r) continue;
      source = kind;
      if (kind === 'secretKeyRef' || kind === 'configMapKeyRef') {
        ref = { name: located(c, get(c, r.value, 'name'))?.value ?? '', key: located(c, get(c, r.value, 'key'))?.value ?? '', optional: bool(c, get(c, r.value, 'optional'))?.value ?? false };
      }
    }
    registerValue(ctx, name.value, value);
    container.env.push({ name: name.value, value, source, ref, line: name.line, column: name.column });
  }
  for (const it of items(c, get(c, node, 'envFrom')?.value)) {
    for (const kind of ['secretRef', 'configMapRef'] as const) {
      const r = get(c, it, kind);
      if (!r) continue;
      const at2 = locOf(c, r.keyNode);
      container.envFrom.push({
        kind,
        name: located(c, get(c, r.value, 'name'))?.value ?? '',
        prefix: located(c, get(c, it, 'prefix'))?.value,
        optional: bool(c, get(c, r.value, 'optional'))?.value ?? false,
        resolved: false,
        ...at2,
      });
    }
  }
  container.command = stringList(c, get(c, node, 'command')?.value);
  container.args = stringList(c, get(c, node, 'args')?.value);
  const res = get(c, node, 'resources')?.value;
  container.resources = {
    limitsMemory: located(c, get(c, get(c, res, 'limits')?.value, 'memory')),
    limitsCpu: located(c, get(c, get(c, res, 'limits')?.value, 'cpu')),
    requestsMemory: located(c, get(c, get(c, res, 'requests')?.value, 'memory')),
    requestsCpu: located(c, get(c, get(c, res, 'requests')?.value, 'cpu')),
  };
  const sc = get(c, node, 'securityContext')?.value;
  container.securityContext = {
    runAsNonRoot: bool(c, get(c, sc, 'runAsNonRoot')),
    runAsUser: located(c, get(c, sc, 'runAsUser')),
    privileged: bool(c, get(c, sc, 'privileged')),
    allowPrivilegeEscalation: bool(c, get(c, sc, 'allowPrivilegeEscalation')),
    readOnlyRootFilesystem: bool(c, get(c, sc, 'readOnlyRootFilesystem')),
  };
  return container;
}

function isHelmTemplate(file: SourceFile, files: readonly SourceFile[]): boolean {
  if (!file.content.includes('{{')) return false;
  const segs = file.path.split('/');
  const t = segs.lastIndexOf('templates');
  if (t < 0) return false;
  const chartDir = segs.slice(0, t).join('/');
  return files.some((f) => f.path === (chartDir ? chartDir + '/Chart.yaml' : 'Chart.yaml')) || /\{\{-?\s*(\.|include|template|if|range|with|toYaml|\$)/.test(file.content);
}

const collector: Collector<'kubernetes'> = {
  fact: 'kubernetes',
  kinds: ['kubernetes'],
  collect(file, ctx) {
    // A Helm chart template is not a manifest until it is rendered.
    if (isHelmTemplate(file, ctx.files)) return undefined;
    const parsed = parseFile(file.content);
    if ('error' in parsed) {
      // A Helm / Go template is not a manifest until it is rendered.
      if (file.content.includes('{{')) return undefined;
      throw parsed.error;
    }
    const workloads: K8sWorkload[] = [];
    const provides: ProvidedVar[] = [];
    const commands: CommandLine[] = [];
    const index = configIndex(ctx.files);
    for (const { contents, ctx: c } of parsed.docs) {
      if (!isMap(deref(c, contents))) continue;
      const kind = located(c, get(c, contents, 'kind'))?.value;
      if (!kind || !POD_SPEC_PATHS[kind]) continue;
      const meta = get(c, contents, 'metadata')?.value;
      const spec = path(c, contents, POD_SPEC_PATHS[kind]!);
      const kindLoc = locOf(c, get(c, contents, 'kind')!.keyNode);
      const psc = get(c, spec, 'securityContext')?.value;
      const w: K8sWorkload = {
        kind,
        name: located(c, get(c, meta, 'name'))?.value ?? '',
        namespace: located(c, get(c, meta, 'namespace'))?.value,
        containers: [],
        hostNetwork: bool(c, get(c, spec, 'hostNetwork')),
        hostPID: bool(c, get(c, spec, 'hostPID')),
        hostIPC: bool(c, get(c, spec, 'hostIPC')),
        podRunAsNonRoot: bool(c, get(c, psc, 'runAsNonRoot')),
        podRunAsUser: located(c, get(c, psc, 'runAsUser')),
        serviceAccountName: located(c, get(c, spec, 'serviceAccountName'))?.value,
        ...kindLoc,
      };
      for (const [key, init] of [['initContainers', true], ['containers', false]] as const) {
        for (const it of items(c, get(c, spec, key)?.value)) {
          if (!isMap(deref(c, it))) continue;
          w.containers.push(containerOf(c, it, init, ctx));
        }
      }
      for (const ct of w.containers) {
        for (const e of ct.env) {
          const mechanism = e.source === 'secretKeyRef' ? 'k8s-secretKeyRef' : 'k8s-env';
          provides.push({ name: e.name, value: e.source === 'value' ? e.value : undefined, mechanism, viaSecretStore: e.source === 'secretKeyRef', file: file.path, line: e.line, column: e.column });
        }
        for (const ef of ct.envFrom) {
          const objKind = ef.kind === 'secretRef' ? 'Secret' : 'ConfigMap';
          const obj = index.find((o) => o.kind === objKind && o.name === ef.name && (o.namespace === undefined || w.namespace === undefined || o.namespace === w.namespace));
          if (!obj) continue;
          ef.resolved = true;
          for (const k of obj.keys) {
            provides.push({ name: (ef.prefix ?? '') + k.key, value: obj.values.get(k.key), mechanism: 'k8s-envFrom', viaSecretStore: ef.kind === 'secretRef', file: obj.file, line: k.line, column: k.column });
          }
        }
        const argv = [...(ct.command ?? []), ...(ct.args ?? [])];
        if (argv.length) commands.push({ text: argv.join(' '), argv, source: 'k8s-container', file: file.path, line: ct.line, column: ct.column });
      }
      workloads.push(w);
    }
    const configs = configObjects(file.path, parsed, ctx).map(({ file: _f, values: _v, ...rest }) => rest);
    if (!workloads.length && !configs.length) return undefined;
    return {
      file: file.path,
      environment: file.environment,
      documents: parsed.docs.length,
      workloads,
      configs,
      commands,
      provides,
      hasSecretMechanism: true,
    };
  },
};
export default collector;
