/** Application load balancer listeners (shared by the tf-aws/alb-* rules). */
import type { TfResource, TerraformFact } from '../../facts/terraform/types.js';
import { refIds, str } from './_util.js';

/** The load balancer type of a listener's `load_balancer_arn` ('application' by default), when it can be known. */
export function lbTypeOf(listener: TfResource, byId: Map<string, TfResource>): string | undefined {
  for (const id of refIds(listener.body.attrs['load_balancer_arn']?.value)) {
    const lb = byId.get(id);
    if (lb && (lb.type === 'aws_lb' || lb.type === 'aws_alb')) return str(lb.body.attrs['load_balancer_type']?.value) ?? (lb.body.attrs['load_balancer_type'] ? undefined : 'application');
  }
  return undefined;
}
/** The load balancer resource a listener belongs to, when it can be traced. */
export function lbOf(listener: TfResource, byId: Map<string, TfResource>): TfResource | undefined {
  for (const id of refIds(listener.body.attrs['load_balancer_arn']?.value)) {
    const lb = byId.get(id);
    if (lb && (lb.type === 'aws_lb' || lb.type === 'aws_alb')) return lb;
  }
  return undefined;
}

export function listenersOf(tf: readonly TerraformFact[]): TfResource[] {
  return tf.flatMap((f) => f.resources).filter((r) => r.mode === 'managed' && (r.type === 'aws_lb_listener' || r.type === 'aws_alb_listener'));
}
