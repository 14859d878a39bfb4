/** Fact `nginxTest`: the result of the real `nginx -t` on a copy of one configuration (opt-in collector src/collect/nginx-test.ts). */
import type { EnvName } from '../contracts/types.js';

export interface NginxTestMessage {
  level: string;
  text: string;
  /** Repository file (undefined when nginx names a file outside the copy). */
  file?: string;
  line?: number;
}

/** `nginx -t` run on a copy of one top-level nginx configuration (`honban scan --nginx-test`). */
export interface NginxTestResult {
  /** The top-level file tested. */
  file: string;
  environment: EnvName;
  ok: boolean;
  /** nginx's messages, paths mapped back to the repository. */
  messages: NginxTestMessage[];
  /** What the copy changed so that it could be tested here (certificates, includes, hosts). */
  notes: string[];
  /** The command that ran (paths of the temporary copy). */
  command: string;
}

declare module '../contracts/types.js' {
  interface FactTypes {
    nginxTest: NginxTestResult;
  }
}
