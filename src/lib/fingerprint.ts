/** Stable finding fingerprints (rule, file, normalized content) for baselines. */
import { createHash } from 'node:crypto';

/** Whitespace-collapsed, trimmed content: line moves and re-indentation keep the fingerprint. */
export function normalizeContent(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Stable fingerprint of a finding: rule, file and normalized content — not line numbers. */
export function fingerprintOf(ruleId: string, file: string, content: string): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${normalizeContent(content)}`).digest('hex').slice(0, 32);
}
