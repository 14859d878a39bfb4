/** Fact `sshd`: directives of an sshd_config with includes and Match blocks (collected by src/collect/sshd.ts), and the effective value accessor. */
import type { EnvName } from '../contracts/types.js';

export interface SshdMatch {
  /** The criteria as written (`User deploy`, `Address 10.0.0.0/8`, `all`). */
  criteria: string;
  file: string;
  line: number;
  column: number;
  /** `Match all`: applies to every connection. */
  all: boolean;
}

export interface SshdDirective {
  /** Keyword as written. */
  keyword: string;
  /** Keyword lower-cased. */
  key: string;
  args: string[];
  /** Arguments joined by a space. */
  value: string;
  file: string;
  line: number;
  column: number;
  /** Column of the first argument. */
  valueColumn: number;
  /** The Match block the directive is in (undefined: global). */
  match?: SshdMatch;
}

export interface SshdInclude {
  pattern: string;
  file: string;
  line: number;
  column: number;
  /** Repository files it resolved to. */
  resolved: string[];
  /** Nothing in the repository matched: the included settings are unknown. */
  external: boolean;
}

export interface SshdConfig {
  file: string;
  environment: EnvName;
  /** Every directive in the order sshd reads them (includes expanded). */
  directives: SshdDirective[];
  includes: SshdInclude[];
  /** A drop-in (`sshd_config.d/*.conf`) that no repository sshd_config includes. */
  dropIn: boolean;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    sshd: SshdConfig;
  }
}

/** The value sshd uses for `key` outside Match blocks (the first one obtained). */
export function effective(cfg: SshdConfig, key: string): SshdDirective | undefined {
  const k = key.toLowerCase();
  return cfg.directives.find((d) => d.key === k && !d.match);
}
