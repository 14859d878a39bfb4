/**
 * What `honban check` records about the checked tree: commit, branch, and the project key of the
 * history store (from the git remote, credentials stripped). Only read-only git plumbing runs, with
 * the repository's fsmonitor hook disabled: checking a repository never runs its code.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';

function git(dir: string, args: string[]): string | undefined {
  try {
    const out = execFileSync('git', ['-C', dir, '-c', 'core.fsmonitor=false', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5_000,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    });
    return out.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A remote URL as a project key: `https://user:token@github.com/Owner/App.git` and
 * `git@github.com:Owner/App.git` both become `github.com/Owner/App` — no scheme, no credentials,
 * no `.git`, the host in lower case.
 */
export function projectKeyOfRemote(remote: string): string | undefined {
  let host: string;
  let rest: string;
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(remote);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) {
    try {
      const u = new URL(remote);
      host = u.host;
      rest = decodeURIComponent(u.pathname);
    } catch {
      return undefined;
    }
  } else if (scp) {
    host = scp[1]!;
    rest = scp[2]!;
  } else return undefined;
  rest = rest.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '');
  if (!rest) return undefined;
  return host ? `${host.toLowerCase()}/${rest}` : rest;
}

export interface GitInfo {
  commit?: string;
  branch?: string;
  /** From the `origin` remote (else the first one); absent outside a git work tree. */
  remoteKey?: string;
  /** The work tree's top directory. */
  top?: string;
}

export function gitInfo(dir: string): GitInfo {
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top) return ciInfo();
  const commit = git(dir, ['rev-parse', 'HEAD']);
  let branch = git(dir, ['rev-parse', '--abbrev-ref', 'HEAD']);
  if (branch === 'HEAD') branch = ciInfo().branch; // detached (CI checkouts): ask the CI
  const remotes = (git(dir, ['remote']) ?? '').split('\n').filter(Boolean);
  const remote = remotes.includes('origin') ? 'origin' : remotes[0];
  const url = remote ? git(dir, ['remote', 'get-url', remote]) : undefined;
  return { commit, branch, remoteKey: url ? projectKeyOfRemote(url) : undefined, top };
}

/** Commit and branch from the CI's variables, when there is no git work tree. */
function ciInfo(): GitInfo {
  const e = process.env;
  const commit = e.GITHUB_SHA || e.CI_COMMIT_SHA || e.BUILDKITE_COMMIT || e.CIRCLE_SHA1 || e.GIT_COMMIT;
  const branch = e.GITHUB_HEAD_REF || e.GITHUB_REF_NAME || e.CI_COMMIT_REF_NAME || e.BUILDKITE_BRANCH || e.CIRCLE_BRANCH || e.GIT_BRANCH;
  return { ...(commit ? { commit } : {}), ...(branch ? { branch } : {}) };
}

/**
 * The project key: honban.yml `history.project`, else the git remote (plus the checked directory's
 * path inside the repository when it is not the top, so two apps of a monorepo keep two histories),
 * else `local:` and the directory's real path.
 */
export function projectKey(dir: string, info: GitInfo, configured?: string): string {
  if (configured) return configured;
  const real = safeReal(dir);
  if (info.remoteKey) {
    const sub = info.top ? path.relative(safeReal(info.top), real).split(path.sep).join('/') : '';
    return sub && !sub.startsWith('..') ? `${info.remoteKey}#${sub}` : info.remoteKey;
  }
  return `local:${real.split(path.sep).join('/')}`;
}

function safeReal(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}
