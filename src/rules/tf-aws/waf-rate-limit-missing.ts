import type { TfBody, TfResource } from '../../facts/terraform/types.js';
import { blocks, deepBlocks, defineAwsRule, label, msg, refIds, report, resourcesOf, str } from './_util.js';

/** Does a list of WAF rules contain a rate-based rule? undefined when it cannot be known. */
function hasRateRule(body: TfBody, groups: Map<string, TfResource>, seen = new Set<string>()): boolean | undefined {
  let unknown = false;
  for (const rule of blocks(body, 'rule')) {
    if (rule.dynamic === 'unknown') unknown = true;
    for (const st of blocks(rule.body, 'statement')) {
      if (blocks(st.body, 'rate_based_statement').length) return true;
      for (const m of deepBlocks(st.body, 'managed_rule_group_statement')) if (/AntiDDoS/i.test(str(m.body.attrs['name']?.value) ?? '')) return true;
      for (const ref of deepBlocks(st.body, 'rule_group_reference_statement')) {
        const arn = ref.body.attrs['arn']?.value;
        const ids = refIds(arn).filter((id) => groups.has(id));
        if (!ids.length) {
          unknown = true;
          continue;
        }
        for (const id of ids) {
          if (seen.has(id)) continue;
          seen.add(id);
          const r = hasRateRule(groups.get(id)!.body, groups, seen);
          if (r) return true;
          if (r === undefined) unknown = true;
        }
      }
    }
  }
  return unknown ? undefined : false;
}

export default defineAwsRule({
  id: 'tf-aws/waf-rate-limit-missing',
  severity: 'low',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'WAF web ACL has no rate-based rule', ja: 'WAF の Web ACL にレートベースのルールがない' },
  description: {
    en: 'The `aws_wafv2_web_acl` has no rate-based rule: one client can send unlimited requests — credential stuffing on the login form, scraping, or a small HTTP flood that exhausts the application before autoscaling reacts.',
    ja: '`aws_wafv2_web_acl` にレートベースのルールがありません。1 つのクライアントが無制限にリクエストを送れるため、ログインフォームへのパスワードリスト攻撃、スクレイピング、オートスケーリングが追いつく前にアプリを枯渇させる小規模な HTTP フラッドを防げません。',
  },
  fix: {
    en: 'Add a rule with `statement { rate_based_statement { limit = 2000, aggregate_key_type = "IP" } }` and `action { block {} }` (tune the limit from real traffic; start in `count` mode if unsure).',
    ja: '`statement { rate_based_statement { limit = 2000, aggregate_key_type = "IP" } }` と `action { block {} }` を持つルールを追加します（上限は実際のトラフィックから調整し、不安なら `count` モードから始めます）。',
  },
  references: { cwe: ['CWE-770'] },
  check(facts, ctx) {
    const groups = new Map([...resourcesOf(facts.terraform, 'aws_wafv2_rule_group')].map((g) => [g.id, g]));
    for (const acl of resourcesOf(facts.terraform, 'aws_wafv2_web_acl')) {
      if (hasRateRule(acl.body, groups) !== false) continue;
      ctx.report(report(acl, msg(`${label(acl)}: `, { en: 'no rate-based rule: a single client can send unlimited requests', ja: 'レートベースのルールがありません: 1 つのクライアントが無制限にリクエストを送れます' })));
    }
  },
});
