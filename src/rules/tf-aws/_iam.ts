/** IAM policy helpers shared by the tf-aws/iam-* rules. */

/** `s3:*`, `ec2:*`, `iam:*`: every action of one service. */
export function serviceWildcard(action: string): string | undefined {
  const m = /^([a-z0-9-]+):\*$/i.exec(action.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}
