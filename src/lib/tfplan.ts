/** A JSON text that `terraform show -json` wrote for a plan: `format_version` first, planned values or resource changes inside. */
export function isPlanJson(content: string): boolean {
  return /^\s*\{\s*"format_version"\s*:/.test(content.slice(0, 256)) && (content.includes('"planned_values"') || content.includes('"resource_changes"'));
}
