import { attrOr, defineAwsRule, msg, num, refersToResource, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/ecs-single-task',
  severity: 'low',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'ECS service runs one task with no autoscaling', ja: 'ECS サービスが 1 タスク固定でオートスケーリングがない' },
  description: {
    en: '`desired_count = 1` with no `aws_appautoscaling_target` for the service: one task is a single point of failure (a deployment, a host replacement or a crash is downtime) and load peaks cannot add capacity.',
    ja: 'サービスが `desired_count = 1` で、`aws_appautoscaling_target` もありません。1 タスクは単一障害点で（デプロイ、ホスト入れ替え、クラッシュがそのままダウンタイムになる）、負荷のピークにも容量を増やせません。',
  },
  fix: {
    en: 'Run at least two tasks across AZs and add `aws_appautoscaling_target` (scalable_dimension `ecs:service:DesiredCount`, resource_id `service/<cluster>/<service>`) with a target-tracking `aws_appautoscaling_policy` on CPU or request count; size it from a load test.',
    ja: 'AZ をまたいで 2 タスク以上を動かし、`aws_appautoscaling_target`（scalable_dimension `ecs:service:DesiredCount`、resource_id `service/<cluster>/<service>`）と CPU やリクエスト数のターゲット追跡 `aws_appautoscaling_policy` を追加します。上限は負荷試験の結果から決めます。',
  },
  references: {},
  check(facts, ctx) {
    const tf = facts.terraform;
    const targets = [...resourcesOf(tf, 'aws_appautoscaling_target')].filter((t) => {
      const dim = str(t.body.attrs['scalable_dimension']?.value);
      return dim === undefined || dim === 'ecs:service:DesiredCount';
    });
    // A target whose resource_id we cannot trace might scale this service: do not guess.
    const opaque = targets.some((t) => {
      const v = t.body.attrs['resource_id']?.value;
      return !v?.refs?.length && str(v) === undefined;
    });
    if (opaque) return;
    for (const s of resourcesOf(tf, 'aws_ecs_service')) {
      const a = s.body.attrs['desired_count'];
      if (!a || num(a.value) !== 1) continue;
      if (str(s.body.attrs['scheduling_strategy']?.value) === 'DAEMON') continue;
      const name = str(s.body.attrs['name']?.value);
      const scaled = targets.some((t) => {
        const v = t.body.attrs['resource_id']?.value;
        if (refersToResource(v, s)) return true;
        const id = str(v);
        return !!id && !!name && id.startsWith('service/') && id.endsWith(`/${name}`);
      });
      if (scaled) continue;
      ctx.report(report(attrOr(a, s), msg(`${s.address}: `, { en: 'desired_count is 1 and no aws_appautoscaling_target scales this service', ja: 'desired_count が 1 で、このサービスをスケールする aws_appautoscaling_target がありません' }, via(a.value))));
    }
  },
});
