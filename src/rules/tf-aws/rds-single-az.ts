import { assumedDefault, attrOr, bool, defineAwsRule, isUnset, label, msg, report, resourcesOf, str, via } from './_util.js';

export default defineAwsRule({
  id: 'tf-aws/rds-single-az',
  severity: 'low',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'RDS instance runs in a single Availability Zone', ja: 'RDS インスタンスが単一 AZ 構成' },
  description: {
    en: 'Without `multi_az = true` the database has no standby: an Availability Zone outage, a hardware failure or some maintenance operations take production down until the instance is recovered.',
    ja: '`multi_az = true` がないとスタンバイがありません。AZ 障害やハードウェア障害、一部のメンテナンス作業の間、インスタンスが復旧するまで本番が停止します。',
  },
  fix: {
    en: 'Set `multi_az = true` for production (or use an Aurora cluster with a replica in another AZ). If single-AZ is a deliberate cost decision, waive this finding with a reason.',
    ja: '本番では `multi_az = true` を設定します（または別 AZ にレプリカを持つ Aurora クラスターを使います）。コスト判断で単一 AZ にしている場合は、理由を書いて waiver で許容してください。',
  },
  references: { equivalents: ['CKV_AWS_157'] },
  check(facts, ctx) {
    for (const r of resourcesOf(facts.terraform, 'aws_db_instance')) {
      const a = r.body.attrs;
      if ((str(a['engine']?.value) ?? '').startsWith('aurora') || !isUnset(a['replicate_source_db'])) continue;
      const m = a['multi_az'];
      if (isUnset(m)) ctx.report(report(r, msg(`${label(r)}: `, { en: 'multi_az is not set: the database has no standby in another Availability Zone', ja: 'multi_az が未設定です: 別 AZ にスタンバイがありません' }, assumedDefault(facts.terraform, r, 'multi_az').note)));
      else if (bool(m!.value) === false) ctx.report(report(attrOr(m, r), msg(`${label(r)}: `, { en: 'multi_az is false: the database has no standby in another Availability Zone', ja: 'multi_az が false です: 別 AZ にスタンバイがありません' }, via(m!.value))));
    }
  },
});
