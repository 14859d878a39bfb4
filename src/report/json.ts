import type { Report } from '../contracts/types.js';

/** The Report contract as JSON (DESIGN.md). */
export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
