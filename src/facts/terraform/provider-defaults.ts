/**
 * What the AWS provider (hashicorp/aws) — or AWS itself, when the provider leaves an argument to the
 * API — uses when an argument is absent or null. Facts written here from the provider's and AWS's
 * documentation (docs/decisions.md, "Provider defaults"); rules say which default they assumed.
 *
 * Keys are `resource type` → `argument path` (nested blocks joined with `.`). Each entry lists the
 * provider versions it holds for; the configuration's `required_providers` constraint picks one.
 */
import type { TerraformFact, TfResource } from './types.js';
import { str } from './values.js';

export interface ProviderDefault {
  /** The value used when the argument is absent. */
  value: boolean | number | string;
  /** Lowest and highest major version of hashicorp/aws this holds for (inclusive). */
  majors: [number, number];
  /** `provider`: the provider's schema default; `aws`: the provider sends nothing and the AWS API decides. */
  by: 'provider' | 'aws';
  /** Only when this holds for the resource (e.g. one engine). */
  when?: (r: TfResource) => boolean;
  /** A short explanation for messages. */
  note?: string;
}

/** The newest major version of hashicorp/aws this table knows; an unconstrained configuration gets it. */
export const LATEST_AWS_MAJOR = 6;

const ALL: [number, number] = [1, LATEST_AWS_MAJOR];
const engineOf = (r: TfResource) => (str(r.body.attrs['engine']?.value) ?? '').toLowerCase();
const serverlessV1 = (r: TfResource) => str(r.body.attrs['engine_mode']?.value) === 'serverless';

export const PROVIDER_DEFAULTS: Record<string, Record<string, ProviderDefault[]>> = {
  aws_db_instance: {
    storage_encrypted: [{ value: false, majors: ALL, by: 'provider' }],
    backup_retention_period: [{ value: 1, majors: ALL, by: 'aws', note: 'CreateDBInstance keeps automated backups for 1 day unless told otherwise' }],
    deletion_protection: [{ value: false, majors: ALL, by: 'provider' }],
    multi_az: [{ value: false, majors: ALL, by: 'provider' }],
    publicly_accessible: [{ value: false, majors: ALL, by: 'provider' }],
    skip_final_snapshot: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_rds_cluster: {
    storage_encrypted: [
      { value: true, majors: ALL, by: 'aws', when: serverlessV1, note: 'Aurora Serverless v1 clusters are always encrypted' },
      { value: false, majors: ALL, by: 'provider', when: (r) => !serverlessV1(r) },
    ],
    backup_retention_period: [{ value: 1, majors: ALL, by: 'provider' }],
    deletion_protection: [{ value: false, majors: ALL, by: 'provider' }],
    skip_final_snapshot: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_rds_cluster_instance: {
    publicly_accessible: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_elasticache_replication_group: {
    at_rest_encryption_enabled: [
      { value: true, majors: [5, LATEST_AWS_MAJOR], by: 'provider', when: (r) => engineOf(r) === 'valkey', note: 'Valkey replication groups are encrypted at rest by default' },
      { value: false, majors: ALL, by: 'provider', when: (r) => engineOf(r) !== 'valkey' },
    ],
    transit_encryption_enabled: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_elasticache_cluster: {
    transit_encryption_enabled: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_ecr_repository: {
    image_tag_mutability: [{ value: 'MUTABLE', majors: ALL, by: 'provider' }],
    'image_scanning_configuration.scan_on_push': [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_s3_bucket: {
    acl: [{ value: 'private', majors: [1, 3], by: 'provider', note: 'from v4 the acl argument is deprecated in favour of aws_s3_bucket_acl' }],
  },
  aws_s3_bucket_public_access_block: {
    block_public_acls: [{ value: false, majors: ALL, by: 'provider' }],
    block_public_policy: [{ value: false, majors: ALL, by: 'provider' }],
    ignore_public_acls: [{ value: false, majors: ALL, by: 'provider' }],
    restrict_public_buckets: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_cloudfront_distribution: {
    'viewer_certificate.minimum_protocol_version': [{ value: 'TLSv1', majors: ALL, by: 'provider' }],
    price_class: [{ value: 'PriceClass_All', majors: ALL, by: 'provider' }],
  },
  aws_lb: {
    internal: [{ value: false, majors: ALL, by: 'provider' }],
    load_balancer_type: [{ value: 'application', majors: ALL, by: 'provider' }],
    drop_invalid_header_fields: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_elb: {
    internal: [{ value: false, majors: ALL, by: 'provider' }],
  },
  aws_ecs_service: {
    desired_count: [{ value: 0, majors: ALL, by: 'provider' }],
  },
};

/** The major version of hashicorp/aws a configuration uses: the highest its constraints allow (the newest known when unconstrained). */
export function awsMajor(facts: readonly TerraformFact[], moduleDir?: string): number {
  const constraints: string[] = [];
  for (const f of facts) {
    if (moduleDir !== undefined && f.moduleDir !== moduleDir) continue;
    for (const p of f.requiredProviders) if (p.name === 'aws' && p.version && (!p.source || /(^|\/)hashicorp\/aws$/.test(p.source))) constraints.push(p.version);
  }
  let major = LATEST_AWS_MAJOR;
  for (const c of constraints) {
    const m = maxMajor(c);
    if (m !== undefined) major = Math.min(major, m);
  }
  return major;
}

/** The highest major version a version constraint (`~> 4.0`, `>= 3.0, < 5.0`, `= 5.31.0`, `5.1`) admits. */
export function maxMajor(constraint: string): number | undefined {
  let max: number | undefined;
  for (const part of constraint.split(',')) {
    const m = /^\s*(~>|>=|<=|>|<|=|!=)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(part);
    if (!m) continue;
    const [op, maj, min, pat] = [m[1] ?? '=', Number(m[2]), m[3], m[4]];
    let bound: number | undefined;
    // `~> 4` lets the major version grow; `~> 4.0` and `~> 4.0.1` stay on 4.
    if (op === '~>') bound = min !== undefined ? maj : undefined;
    else if (op === '=') bound = maj;
    else if (op === '<') bound = min === undefined || (Number(min) === 0 && (pat === undefined || Number(pat) === 0)) ? maj - 1 : maj;
    else if (op === '<=') bound = maj;
    if (bound !== undefined) max = max === undefined ? bound : Math.min(max, bound);
  }
  return max;
}

/** The default of `path` (`minimum_protocol_version` of a nested block: `viewer_certificate.minimum_protocol_version`) for a resource. */
export function providerDefault(r: TfResource, path: string, major = LATEST_AWS_MAJOR): ProviderDefault | undefined {
  const list = PROVIDER_DEFAULTS[r.type]?.[path];
  return list?.find((d) => major >= d.majors[0] && major <= d.majors[1] && (!d.when || d.when(r)));
}
