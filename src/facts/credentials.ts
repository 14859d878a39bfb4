/** Fact `credentials`: credentials in a known format found in a file (collected by src/collect/credentials.ts). */
import type { EnvName } from '../contracts/types.js';
import type { CredentialHit } from '../lib/secretlint.js';

/** A credential secretlint's recommended rules found, and the key it is assigned to on its line. */
export interface CredentialFound extends CredentialHit {
  /** `AWS_SECRET_ACCESS_KEY` in `AWS_SECRET_ACCESS_KEY=…`; absent when the line assigns nothing. */
  key?: string;
}

/** The credentials of one file (a file without any has no fact). */
export interface CredentialsFact {
  file: string;
  environment: EnvName;
  gitIgnored: boolean;
  gitTracked?: boolean;
  found: CredentialFound[];
}

declare module '../contracts/types.js' {
  interface FactTypes {
    credentials: CredentialsFact;
  }
}
