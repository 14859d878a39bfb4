import type { Rule } from '../contracts/types.js';
import { rules as env } from './env/index.js';
import { rules as docker } from './docker/index.js';
import { rules as compose } from './compose/index.js';
import { rules as secrets } from './secrets/index.js';
import { rules as honban } from './honban/index.js';
import { rules as flask } from './flask/index.js';
import { rules as django } from './django/index.js';
import { rules as fastapi } from './fastapi/index.js';
import { rules as rails } from './rails/index.js';
import { rules as express } from './express/index.js';
import { rules as gunicorn } from './gunicorn/index.js';
import { rules as code } from './code/index.js';
import { rules as contract } from './contract/index.js';
import { rules as tf_aws } from './tf-aws/index.js';
import { rules as terraform } from './terraform/index.js';
import { rules as nginx } from './nginx/index.js';
import { rules as systemd } from './systemd/index.js';
import { rules as sshd } from './sshd/index.js';
import { rules as provision } from './provision/index.js';
import { rules as probe } from './probe/index.js';
import { rules as envcheck } from './envcheck/index.js';
import { rules as host } from './host/index.js';

/**
 * Every rule honban ships, by domain. Each domain's index lists its rules (one rule per file, its
 * test beside it). `probe` rules judge live facts (honban probe); `envcheck` rules judge a resolved
 * environment (honban env); the rest judge repository files (honban scan).
 */
export const ALL_RULES: Rule<any>[] = [env, docker, compose, secrets, honban, flask, django, fastapi, rails, express, gunicorn, code, contract, tf_aws, terraform, nginx, systemd, sshd, provision, probe, envcheck, host].flat();

export function ruleById(id: string): Rule<any> | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
