/**
 * Facts about well-known registry modules (terraform-aws-modules rds, rds-aurora, s3-bucket,
 * security-group, vpc, iam, ecs, alb): which resources a call creates, and which of the call's
 * inputs — or, when an input is not given, which module default — becomes which argument of those
 * resources. Written here from the modules' published variables and resources for the major versions
 * listed in `MODULES` (docs/decisions.md, "Registry modules"); the modules' code is never run or read
 * at scan time. A call to a module version outside the covered range uses the nearest covered one.
 */
import type { Loc, TfAttr, TfBlock, TfBody, TfValue } from '../../../facts/terraform/types.js';
import { bool, entry, items, num, str, strings } from '../../../facts/terraform/values.js';
import { SG_NAMED_RULES, SG_PRESET_INGRESS } from './security-group-rules.js';

/** A resource a module call creates. `ref` names other synthesized resources by `type.name`. */
export interface SynthResource {
  type: string;
  name: string;
  body: TfBody;
  /** The module's main resource: references to `module.<call>` point at it. */
  primary?: boolean;
}

export interface RegistryModule {
  /** Registry address (`terraform-aws-modules/rds/aws`), with `//modules/x` for a submodule spec. */
  source: string;
  /** Major versions these facts cover. */
  majors: [number, number];
  build(call: CallView): SynthResource[];
}

/** A module call as the builders see it: its evaluated arguments and the module version it resolves to. */
export class CallView {
  constructor(
    readonly body: TfBody,
    readonly major: number,
    readonly loc: Loc,
    /** `terraform-aws-modules/rds/aws 3.x`, for messages. */
    readonly label: string,
    /** Resource-id prefix of the call: synthesized resources reference each other through it. */
    readonly idPrefix: string,
  ) {}

  /** The caller's argument, when given and not null. */
  arg(name: string): TfAttr | undefined {
    const a = this.body.attrs[name];
    return a && a.value.kind !== 'null' ? a : undefined;
  }

  /** The module default of an input for this major version (`[[2, false], [4, true]]`: false from v2, true from v4). */
  dflt(defaults: Defaults | undefined): boolean | number | string | null | undefined {
    if (!defaults) return undefined;
    let out: boolean | number | string | null | undefined;
    for (const [from, v] of defaults) if (this.major >= from) out = v;
    return out;
  }

  /**
   * The resource argument `attr` fed by input `input`: the caller's argument (renamed), else the
   * module's default for this version (positioned at the call, marked `module-default`), else absent.
   */
  input(input: string, defaults?: Defaults, attr = input): TfAttr | undefined {
    const a = this.arg(input);
    if (a) return { ...a, name: attr };
    const d = this.dflt(defaults);
    if (d === undefined || d === null) return undefined;
    return this.literal(attr, d, input);
  }

  /** A synthetic argument with a module default value. */
  literal(attr: string, v: boolean | number | string, input = attr): TfAttr {
    const from = { kind: 'module-default' as const, name: input, loc: this.loc, module: this.label };
    const value: TfValue = typeof v === 'boolean' ? { kind: 'bool', value: v, loc: this.loc, from } : typeof v === 'number' ? { kind: 'number', value: v, loc: this.loc, from } : { kind: 'string', value: v, loc: this.loc, from };
    return { name: attr, file: this.loc.file, line: this.loc.line, column: this.loc.column, value, text: JSON.stringify(v) };
  }

  /** A synthetic argument holding a reference to another synthesized resource of this call. */
  ref(attr: string, typeName: string): TfAttr {
    return { name: attr, file: this.loc.file, line: this.loc.line, column: this.loc.column, value: { kind: 'unknown', text: `${typeName}.id`, refs: [`${this.idPrefix}.${typeName}.id`], loc: this.loc }, text: `${typeName}.id` };
  }

  /** The effective boolean of an input (argument or default); undefined when unknown. */
  flag(input: string, defaults?: Defaults): boolean | undefined {
    const a = this.arg(input);
    if (a) return bool(a.value);
    const d = this.dflt(defaults);
    return typeof d === 'boolean' ? d : undefined;
  }
}

/** `[from major, default]` pairs, ascending. */
export type Defaults = [number, boolean | number | string | null][];

function body(attrs: (TfAttr | undefined)[], blocks: TfBlock[] = []): TfBody {
  const out: Record<string, TfAttr | undefined> = Object.create(null);
  for (const a of attrs) if (a) out[a.name] = a;
  return { attrs: out, blocks };
}

/** Attributes copied as they are (same name in the module and the resource). */
function same(c: CallView, names: string[]): (TfAttr | undefined)[] {
  return names.map((n) => c.input(n));
}

/** An object value (a list item / map entry) as a nested block of the resource, positioned where it is written. */
function objectBlock(type: string, v: TfValue, fallback: Loc): TfBlock | undefined {
  if (v.kind !== 'object') return undefined;
  const loc = v.loc ?? fallback;
  const attrs: Record<string, TfAttr | undefined> = Object.create(null);
  const blocks: TfBlock[] = [];
  for (const e of v.entries) {
    const at = e.value.loc ?? e.keyLoc ?? loc;
    if (e.value.kind === 'object' && /^(redirect|forward|fixed_response)$/.test(e.key)) {
      const b = objectBlock(e.key, e.value, at);
      if (b) blocks.push(b);
      continue;
    }
    attrs[e.key] = { name: e.key, file: at.file, line: at.line, column: at.column, value: e.value, text: '' };
  }
  return { type, labels: [], file: loc.file, line: loc.line, column: loc.column, body: { attrs, blocks } };
}

// ------------------------------------------------------------------------------------------------
// rds

const RDS_SAME = [
  'identifier', 'engine', 'engine_version', 'instance_class', 'allocated_storage', 'max_allocated_storage', 'storage_type', 'kms_key_id',
  'username', 'port', 'backup_window', 'iam_database_authentication_enabled', 'replicate_source_db', 'snapshot_identifier',
  'performance_insights_enabled', 'monitoring_interval', 'auto_minor_version_upgrade', 'ca_cert_identifier', 'vpc_security_group_ids',
  'db_subnet_group_name', 'parameter_group_name', 'apply_immediately', 'final_snapshot_identifier', 'db_name', 'password_wo',
];

const rds: RegistryModule = {
  source: 'terraform-aws-modules/rds/aws',
  majors: [2, 7],
  build(c) {
    if (c.flag('create_db_instance', [[2, true]]) === false) return [];
    const manage = c.flag('manage_master_user_password', [[6, true]]);
    return [
      {
        type: 'aws_db_instance',
        name: 'this',
        primary: true,
        body: body([
          ...same(c, RDS_SAME),
          c.input('name', undefined, 'db_name'),
          manage === true ? undefined : c.input('password'),
          manage === undefined ? undefined : c.literal('manage_master_user_password', manage, 'manage_master_user_password'),
          c.input('storage_encrypted', [[2, false], [4, true]]),
          c.input('backup_retention_period', [[1, 1], [3, null]]),
          c.input('skip_final_snapshot', [[1, true], [3, false]]),
          c.input('deletion_protection', [[2, false]]),
          c.input('multi_az', [[1, false]]),
          c.input('publicly_accessible', [[1, false]]),
        ]),
      },
    ];
  },
};

// ------------------------------------------------------------------------------------------------
// rds-aurora

const rdsAurora: RegistryModule = {
  source: 'terraform-aws-modules/rds-aurora/aws',
  majors: [2, 10],
  build(c) {
    if (c.flag(c.major >= 8 ? 'create' : 'create_cluster', [[1, true]]) === false) return [];
    const cluster: SynthResource = {
      type: 'aws_rds_cluster',
      name: 'this',
      primary: true,
      body: body([
        c.input('name', undefined, 'cluster_identifier'),
        ...same(c, ['engine', 'engine_version', 'kms_key_id', 'master_username', 'master_password', 'iam_database_authentication_enabled', 'snapshot_identifier', 'replication_source_identifier', 'apply_immediately', 'database_name', 'port']),
        c.input('engine_mode', [[2, 'provisioned'], [6, null], [8, 'provisioned']]),
        c.input('storage_encrypted', [[1, true]]),
        c.input('backup_retention_period', [[1, 7], [9, null]]),
        c.input('skip_final_snapshot', [[1, false], [6, null], [8, false]]),
        c.input('deletion_protection', [[2, false], [6, null]]),
        c.input('manage_master_user_password', [[8, true]]),
      ]),
    };
    const out: SynthResource[] = [cluster];
    // Instances: `instances` map (v6+, publicly_accessible per instance or the module-wide one until v9), replica_count before.
    const clusterRef = c.ref('cluster_identifier', 'aws_rds_cluster.this');
    const engine = c.arg('engine');
    const instance = (name: string, pub: TfAttr | undefined, cls: TfAttr | undefined) =>
      out.push({ type: 'aws_rds_cluster_instance', name, body: body([clusterRef, engine, pub, cls]) });
    if (c.major >= 6) {
      const inst = c.arg('instances');
      const topPub = c.major < 10 ? c.input('publicly_accessible') : undefined;
      const cls = c.input('instance_class') ?? c.input('cluster_instance_class', undefined, 'instance_class');
      if (inst?.value.kind === 'object') {
        for (const e of inst.value.entries) {
          const own = entry(e.value, 'publicly_accessible');
          const at = own?.value.loc ?? e.keyLoc ?? c.loc;
          const pub = own ? { name: 'publicly_accessible', file: at.file, line: at.line, column: at.column, value: own.value, text: '' } : topPub;
          const oc = entry(e.value, 'instance_class');
          instance(`this["${e.key}"]`, pub, oc ? { name: 'instance_class', file: (oc.value.loc ?? at).file, line: (oc.value.loc ?? at).line, column: (oc.value.loc ?? at).column, value: oc.value, text: '' } : cls);
        }
      } else if (topPub) instance('this', topPub, cls);
    } else {
      const n = num(c.arg('replica_count')?.value) ?? 1;
      if (n > 0) instance('this', c.input('publicly_accessible', [[1, false]]), c.input('instance_type', undefined, 'instance_class'));
    }
    return out;
  },
};

// ------------------------------------------------------------------------------------------------
// s3-bucket

const s3Bucket: RegistryModule = {
  source: 'terraform-aws-modules/s3-bucket/aws',
  majors: [1, 5],
  build(c) {
    if (c.flag('create_bucket', [[1, true]]) === false) return [];
    const out: SynthResource[] = [];
    const cors = items(c.arg('cors_rule')?.value) ?? [];
    const corsBlocks = cors.map((v) => objectBlock('cors_rule', v, c.loc)).filter((b): b is TfBlock => !!b);
    const bucketRef = c.ref('bucket', 'aws_s3_bucket.this');
    if (c.major <= 2) {
      // Until v2 the bucket takes acl and cors_rule inline (AWS provider v3 syntax).
      out.push({ type: 'aws_s3_bucket', name: 'this', primary: true, body: body([c.input('bucket'), c.input('acl', [[1, 'private']])], corsBlocks) });
    } else {
      out.push({ type: 'aws_s3_bucket', name: 'this', primary: true, body: body([c.input('bucket')]) });
      const acl = c.input('acl');
      if (acl && str(acl.value) !== 'null') out.push({ type: 'aws_s3_bucket_acl', name: 'this', body: body([bucketRef, acl]) });
      if (corsBlocks.length) out.push({ type: 'aws_s3_bucket_cors_configuration', name: 'this', body: body([bucketRef], corsBlocks) });
    }
    if (c.major >= 2 && c.flag('attach_public_policy', [[2, true]]) !== false) {
      const flags: Defaults = [[2, false], [4, true]];
      out.push({
        type: 'aws_s3_bucket_public_access_block',
        name: 'this',
        body: body([bucketRef, c.input('block_public_acls', flags), c.input('block_public_policy', flags), c.input('ignore_public_acls', flags), c.input('restrict_public_buckets', flags)]),
      });
    }
    return out;
  },
};

// ------------------------------------------------------------------------------------------------
// security-group

function sgRules(c: CallView, preset: string[] = []): SynthResource[] {
  if (c.flag('create', [[1, true]]) === false) return [];
  const out: SynthResource[] = [{ type: 'aws_security_group', name: 'this', primary: true, body: body([c.input('name'), c.input('vpc_id')]) }];
  const sgRef = c.ref('security_group_id', 'aws_security_group.this');
  let n = 0;
  const add = (from: TfAttr, to: TfAttr, proto: TfAttr, cidrs: TfAttr[]) => {
    out.push({ type: 'aws_security_group_rule', name: `ingress_${n++}`, body: body([sgRef, { ...from, name: 'from_port' }, { ...to, name: 'to_port' }, { ...proto, name: 'protocol' }, { ...proto, name: 'type', value: { kind: 'string', value: 'ingress' } }, ...cidrs]) });
  };
  // Named rules, open to ingress_cidr_blocks / ingress_ipv6_cidr_blocks.
  const namesAttr = c.arg('ingress_rules');
  const names = [...preset, ...(strings(namesAttr?.value) ?? [])];
  const v4 = c.arg('ingress_cidr_blocks');
  const v6 = c.arg('ingress_ipv6_cidr_blocks');
  const cidrAttrs = [v4 && { ...v4, name: 'cidr_blocks' }, v6 && { ...v6, name: 'ipv6_cidr_blocks' }].filter((x): x is TfAttr => !!x);
  if (cidrAttrs.length) {
    for (const name of new Set(names)) {
      const r = SG_NAMED_RULES[name];
      if (!r) continue;
      const at = namesAttr && (strings(namesAttr.value) ?? []).includes(name) ? namesAttr : (v4 ?? v6)!;
      add({ ...at, value: { kind: 'number', value: r[0], loc: at.value.loc } }, { ...at, value: { kind: 'number', value: r[1], loc: at.value.loc } }, { ...at, value: { kind: 'string', value: r[2], loc: at.value.loc } }, cidrAttrs);
    }
  }
  // Rules written out: ingress_with_cidr_blocks (cidr_blocks is a comma-separated string) and the IPv6 variant.
  for (const [input, cidrKey] of [['ingress_with_cidr_blocks', 'cidr_blocks'], ['ingress_with_ipv6_cidr_blocks', 'ipv6_cidr_blocks']] as const) {
    for (const it of items(c.arg(input)?.value) ?? []) {
      if (it.kind !== 'object') continue;
      const loc = it.loc ?? c.loc;
      const pos = (v: TfValue | undefined): Loc => v?.loc ?? loc;
      const attrOf = (name: string, v: TfValue): TfAttr => ({ name, file: pos(v).file, line: pos(v).line, column: pos(v).column, value: v, text: '' });
      const ruleName = str(entry(it, 'rule')?.value);
      const named = ruleName ? SG_NAMED_RULES[ruleName] : undefined;
      const fromV = entry(it, 'from_port')?.value ?? (named ? { kind: 'number' as const, value: named[0], loc } : undefined);
      const toV = entry(it, 'to_port')?.value ?? (named ? { kind: 'number' as const, value: named[1], loc } : undefined);
      const protoV = entry(it, 'protocol')?.value ?? (named ? { kind: 'string' as const, value: named[2], loc } : undefined);
      const cidrV = entry(it, cidrKey)?.value;
      if (!fromV || !toV || !protoV || !cidrV) continue;
      const list: TfValue = cidrV.kind === 'string' ? { kind: 'list', items: cidrV.value.split(',').map((s) => ({ kind: 'string', value: s.trim(), loc: cidrV.loc })), loc: cidrV.loc } : cidrV;
      add(attrOf('from_port', fromV), attrOf('to_port', toV), attrOf('protocol', protoV), [attrOf(cidrKey, list)]);
    }
  }
  return out;
}

const securityGroup: RegistryModule = { source: 'terraform-aws-modules/security-group/aws', majors: [3, 5], build: (c) => sgRules(c) };

// ------------------------------------------------------------------------------------------------
// vpc

const vpc: RegistryModule = {
  source: 'terraform-aws-modules/vpc/aws',
  majors: [2, 6],
  build(c) {
    if (c.flag('create_vpc', [[1, true]]) === false) return [];
    const out: SynthResource[] = [{ type: 'aws_vpc', name: 'this', primary: true, body: body([c.input('cidr', undefined, 'cidr_block')]) }];
    if (c.flag('enable_flow_log', [[1, false]]) === true) out.push({ type: 'aws_flow_log', name: 'this', body: body([c.ref('vpc_id', 'aws_vpc.this'), c.input('flow_log_traffic_type', [[1, 'ALL']], 'traffic_type')]) });
    else if (c.arg('enable_flow_log') && c.flag('enable_flow_log') === undefined) {
      // enable_flow_log given but unknown: a flow log may exist.
      out.push({ type: 'aws_flow_log', name: 'this', body: body([c.ref('vpc_id', 'aws_vpc.this')]) });
    }
    return out;
  },
};

// ------------------------------------------------------------------------------------------------
// alb

const alb: RegistryModule = {
  source: 'terraform-aws-modules/alb/aws',
  majors: [5, 10],
  build(c) {
    if (c.flag(c.major >= 9 ? 'create' : 'create_lb', [[1, true]]) === false) return [];
    const out: SynthResource[] = [
      { type: 'aws_lb', name: 'this', primary: true, body: body([c.input('internal', [[5, false], [9, null]]), c.input('load_balancer_type', [[5, 'application']]), c.input('drop_invalid_header_fields', [[6, false], [9, true]])]) },
    ];
    const lbRef = c.ref('load_balancer_arn', 'aws_lb.this');
    const listener = (name: string, v: TfValue, defaults: { protocol: string; sslPolicy?: string }, legacyAction: boolean) => {
      const b = objectBlock('listener', v, c.loc);
      if (!b) return;
      const at = { file: b.file, line: b.line, column: b.column };
      const a = b.body.attrs;
      const proto = a['protocol'] ?? { name: 'protocol', ...at, value: { kind: 'string' as const, value: defaults.protocol, loc: at }, text: '' };
      const isTls = /^(HTTPS|TLS)$/i.test(str(proto.value) ?? '');
      const ssl = a['ssl_policy'] ?? (isTls && defaults.sslPolicy ? { name: 'ssl_policy', ...at, value: { kind: 'string' as const, value: defaults.sslPolicy, loc: at, from: { kind: 'module-default' as const, name: 'ssl_policy', loc: at, module: c.label } }, text: '' } : undefined);
      const action: TfBlock = { type: 'default_action', labels: [], ...at, body: { attrs: Object.create(null), blocks: [] } };
      if (legacyAction) {
        const t = str(a['action_type']?.value) ?? 'forward';
        action.body.attrs['type'] = { name: 'type', ...at, value: { kind: 'string', value: t, loc: at }, text: '' };
        const red = b.body.blocks.find((x) => x.type === 'redirect');
        if (red) action.body.blocks.push(red);
      } else {
        const kind = b.body.blocks.find((x) => x.type === 'redirect' || x.type === 'forward' || x.type === 'fixed_response');
        const t = kind ? (kind.type === 'fixed_response' ? 'fixed-response' : kind.type) : 'forward';
        action.body.attrs['type'] = { name: 'type', ...at, value: { kind: 'string', value: t, loc: at }, text: '' };
        if (kind?.type === 'redirect') action.body.blocks.push(kind);
      }
      out.push({ type: 'aws_lb_listener', name, body: body([lbRef, a['port'], { ...proto, name: 'protocol' }, ssl && { ...ssl, name: 'ssl_policy' }], [action]) });
    };
    if (c.major >= 9) {
      const ls = c.arg('listeners')?.value;
      if (ls?.kind === 'object') for (const e of ls.entries) listener(`this["${e.key}"]`, e.value, { protocol: 'HTTP', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06' }, false);
    } else {
      const def = str(c.arg('listener_ssl_policy_default')?.value) ?? 'ELBSecurityPolicy-2016-08';
      (items(c.arg('http_tcp_listeners')?.value) ?? []).forEach((v, i) => listener(`frontend_http_tcp[${i}]`, v, { protocol: 'HTTP' }, true));
      (items(c.arg('https_listeners')?.value) ?? []).forEach((v, i) => listener(`frontend_https[${i}]`, v, { protocol: 'HTTPS', sslPolicy: def }, true));
    }
    return out;
  },
};

// ------------------------------------------------------------------------------------------------
// iam

const iamUser: RegistryModule = {
  source: 'terraform-aws-modules/iam/aws//modules/iam-user',
  majors: [2, 6],
  build(c) {
    if (c.flag('create', [[1, true]]) === false && c.flag('create_user', [[1, true]]) === false) return [];
    const out: SynthResource[] = [{ type: 'aws_iam_user', name: 'this', primary: true, body: body([c.input('name')]) }];
    const key = c.major >= 6 ? c.flag('create_access_key', [[6, true]]) : c.flag('create_iam_access_key', [[1, true]]);
    if (key !== false) out.push({ type: 'aws_iam_access_key', name: 'this', body: body([c.ref('user', 'aws_iam_user.this'), c.input(c.major >= 6 ? 'create_access_key' : 'create_iam_access_key', [[1, true]], 'create')]) });
    const arns = c.major >= 6 ? c.arg('policies') : c.arg('policy_arns');
    if (arns) out.push({ type: 'aws_iam_user_policy_attachment', name: 'this', body: body([c.ref('user', 'aws_iam_user.this'), { ...arns, name: 'policy_arn' }]) });
    return out;
  },
};

const iamPolicy: RegistryModule = {
  source: 'terraform-aws-modules/iam/aws//modules/iam-policy',
  majors: [2, 6],
  build(c) {
    if (c.flag('create_policy', [[1, true]]) === false || c.flag('create', [[6, true]]) === false) return [];
    return [{ type: 'aws_iam_policy', name: 'policy', primary: true, body: body([c.input('name'), c.input('policy')]) }];
  },
};

const iamRole = (sub: string): RegistryModule => ({
  source: `terraform-aws-modules/iam/aws//modules/${sub}`,
  majors: [2, 6],
  build(c) {
    const out: SynthResource[] = [{ type: 'aws_iam_role', name: 'this', primary: true, body: body([c.input('role_name', undefined, 'name') ?? c.input('name')]) }];
    const arns: TfAttr[] = [];
    for (const n of ['custom_role_policy_arns', 'policies', 'role_policy_arns']) {
      const a = c.arg(n);
      if (a) arns.push({ ...a, name: 'policy_arn' });
    }
    if (c.flag('attach_admin_policy', [[1, false]]) === true) arns.push(c.input('admin_role_policy_arn', [[1, 'arn:aws:iam::aws:policy/AdministratorAccess']], 'policy_arn')!);
    arns.forEach((a, i) => out.push({ type: 'aws_iam_role_policy_attachment', name: `this_${i}`, body: body([c.ref('role', 'aws_iam_role.this'), a]) }));
    return out;
  },
});

// ------------------------------------------------------------------------------------------------
// ecs

const ecsService: RegistryModule = {
  source: 'terraform-aws-modules/ecs/aws//modules/service',
  majors: [5, 7],
  build(c) {
    if (c.flag('create', [[1, true]]) === false) return [];
    const out: SynthResource[] = [
      { type: 'aws_ecs_service', name: 'this', primary: true, body: body([c.input('desired_count', [[5, 1]]), c.ref('task_definition', 'aws_ecs_task_definition.this')]) },
    ];
    const defs = c.arg('container_definitions')?.value;
    if (defs?.kind === 'object') {
      const list: TfValue = {
        kind: 'list',
        loc: defs.loc,
        items: defs.entries.map((e) => (e.value.kind === 'object' && !e.value.entries.some((x) => x.key === 'name') ? { ...e.value, entries: [{ key: 'name', keyLoc: e.keyLoc, value: { kind: 'string', value: e.key, loc: e.keyLoc } }, ...e.value.entries] } : e.value)),
      };
      const at = c.arg('container_definitions')!;
      out.push({ type: 'aws_ecs_task_definition', name: 'this', body: body([{ ...at, name: 'container_definitions', value: list }]) });
    }
    if (c.flag('enable_autoscaling', [[5, true]]) !== false) out.push({ type: 'aws_appautoscaling_target', name: 'this', body: body([c.ref('resource_id', 'aws_ecs_service.this')]) });
    return out;
  },
};

/** Every module these facts cover, by registry address (submodules with `//modules/<name>`). */
export const MODULES: RegistryModule[] = [rds, rdsAurora, s3Bucket, securityGroup, vpc, alb, iamUser, iamPolicy, iamRole('iam-assumable-role'), iamRole('iam-role'), ecsService];

const PRESETS = new Map(Object.entries(SG_PRESET_INGRESS));

/**
 * The module facts for a call's `source`: `terraform-aws-modules/rds/aws`, the same with a registry
 * host, `git::https://github.com/terraform-aws-modules/terraform-aws-rds.git?ref=v6.1.0`,
 * `github.com/terraform-aws-modules/terraform-aws-iam//modules/iam-user`, preset security groups
 * (`…/security-group/aws//modules/ssh`). Also the version a git `ref` pins.
 */
export function registryModuleFor(source: string): { spec: RegistryModule; refVersion?: string } | undefined {
  let s = source.trim().replace(/^registry\.terraform\.io\//, '');
  let refVersion: string | undefined;
  const gh = /^(?:git::)?(?:https:\/\/|ssh:\/\/git@|git@)?github\.com[/:]terraform-aws-modules\/terraform-aws-([a-z0-9-]+?)(?:\.git)?(\/\/[^?]*)?(?:\?ref=([^&]+))?$/.exec(s);
  if (gh) {
    s = `terraform-aws-modules/${gh[1]}/aws${gh[2] ?? ''}`;
    refVersion = gh[3];
  }
  s = s.replace(/\/+$/, '');
  const direct = MODULES.find((m) => m.source === s);
  if (direct) return { spec: direct, refVersion };
  const preset = /^terraform-aws-modules\/security-group\/aws\/\/modules\/([a-z0-9-]+)$/.exec(s);
  if (preset && PRESETS.has(preset[1]!)) {
    const names = PRESETS.get(preset[1]!)!;
    return { spec: { source: s, majors: securityGroup.majors, build: (c) => sgRules(c, names) }, refVersion };
  }
  return undefined;
}
