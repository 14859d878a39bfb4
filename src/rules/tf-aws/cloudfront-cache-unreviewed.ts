import type { TfBlock, TfResource } from '../../facts/terraform/types.js';
import { assumedDefault, blocks, defineAwsRule, label, msg, num, refIds, report, resourceIndex, resourcesOf, str } from './_util.js';

/** AWS managed cache policies (ids are the same in every account). */
const MANAGED_POLICIES: Record<string, { name: string; ttl: [number, number, number] }> = {
  '658327ea-f89d-4fab-a63d-7e88639e58f6': { name: 'Managed-CachingOptimized', ttl: [1, 86400, 31536000] },
  '4135ea2d-6df8-44a3-9df3-4b5a84be39ad': { name: 'Managed-CachingDisabled', ttl: [0, 0, 0] },
  'b2884449-e4de-46a7-ac36-70bc7f1ddd6d': { name: 'Managed-CachingOptimizedForUncompressedObjects', ttl: [1, 86400, 31536000] },
};

function duration(s: number): string {
  if (s === 0) return '0';
  if (s % 31536000 === 0) return `${s / 31536000}y`;
  if (s % 86400 === 0) return `${s / 86400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}

/** "TTL 0/1d/1y" of a cache behaviour, or the cache policy it uses. */
function ttlOf(b: TfBlock, byId: Map<string, TfResource>): string {
  const pol = b.body.attrs['cache_policy_id'];
  if (pol) {
    const id = str(pol.value);
    const managed = id ? MANAGED_POLICIES[id] : undefined;
    if (managed) return `${managed.name} (TTL ${managed.ttl.map(duration).join('/')})`;
    const res = refIds(pol.value).map((x) => byId.get(x)).find((r) => r?.type === 'aws_cloudfront_cache_policy');
    if (res) {
      const t = ['min_ttl', 'default_ttl', 'max_ttl'].map((k) => num(res.body.attrs[k]?.value));
      return `cache policy ${res.address}${t.every((x) => x !== undefined) ? ` (TTL ${t.map((x) => duration(x!)).join('/')})` : ''}`;
    }
    return 'a cache policy';
  }
  // Legacy forwarded_values mode: CloudFront's defaults are min 0, default 1 day, max 1 year.
  const t = [num(b.body.attrs['min_ttl']?.value) ?? 0, num(b.body.attrs['default_ttl']?.value) ?? 86400, num(b.body.attrs['max_ttl']?.value) ?? 31536000];
  return `TTL ${t.map(duration).join('/')}${t[1] === 0 && t[2] === 0 ? ' (not cached)' : ''}`;
}

export default defineAwsRule({
  id: 'tf-aws/cloudfront-cache-unreviewed',
  severity: 'info',
  environments: ['production'],
  facts: ['terraform'],
  title: { en: 'CloudFront caching and price class to review against production traffic', ja: 'CloudFront のキャッシュ設定と価格クラスを本番のトラフィックで見直す' },
  description: {
    en: 'A review item, not a defect (seed checklist 004): the TTLs of each cache behaviour (min / default / max) and the price class decide the cache hit ratio, the load on the origin and the bill. TTLs chosen before launch are guesses; once production traffic is known, check the hit ratio (often ≥ 80% for static assets), cache HTML briefly rather than never when it allows, and pick the price class by where users are (PriceClass_All, the default, serves from every edge location at the highest price).',
    ja: 'レビュー項目です（不具合ではありません。シードのチェックリスト 004）。キャッシュビヘイビアごとの TTL（最小 / デフォルト / 最大）と価格クラスが、キャッシュヒット率・オリジンの負荷・料金を決めます。リリース前に決めた TTL は推測なので、本番のトラフィックが分かったらヒット率（静的アセットは 80% 以上が目安）を確認し、HTML も可能なら短時間キャッシュし、利用者のいる地域に合わせて価格クラスを選びます（デフォルトの PriceClass_All は全エッジロケーションから最も高い料金で配信します）。',
  },
  fix: {
    en: 'After launch, read the CloudFront cache statistics / logs, set per-path TTLs (or cache policies) that match how often content changes, invalidate on deploy, and set `price_class` (`PriceClass_100` / `PriceClass_200`) to the regions your users are in. Waive this item with the date of the review.',
    ja: 'リリース後に CloudFront のキャッシュ統計やログを確認し、コンテンツの更新頻度に合ったパスごとの TTL（またはキャッシュポリシー）を設定し、デプロイ時に invalidation を行い、`price_class`（`PriceClass_100` / `PriceClass_200`）を利用者のいる地域に合わせます。見直した日付を書いて waiver で閉じてください。',
  },
  references: {},
  check(facts, ctx) {
    const tf = facts.terraform;
    const byId = resourceIndex(tf);
    for (const r of resourcesOf(tf, 'aws_cloudfront_distribution')) {
      const pc = r.body.attrs['price_class'];
      const price = pc ? (str(pc.value) ?? pc.text) : `${assumedDefault(tf, r, 'price_class').value ?? 'PriceClass_All'} (not set)`;
      const parts: string[] = [];
      for (const b of blocks(r.body, 'default_cache_behavior')) parts.push(`default: ${ttlOf(b, byId)}`);
      for (const b of blocks(r.body, 'ordered_cache_behavior')) parts.push(`"${str(b.body.attrs['path_pattern']?.value) ?? '?'}": ${ttlOf(b, byId)}`);
      const shown = parts.slice(0, 5).join('; ') + (parts.length > 5 ? `; +${parts.length - 5} more` : '');
      ctx.report(
        report(r, msg(`${label(r)}: `, { en: `price class ${price}; cache behaviours — ${shown || 'none'}: review TTLs and price class against production traffic`, ja: `価格クラス ${price}、キャッシュビヘイビア — ${shown || 'なし'}: TTL と価格クラスを本番のトラフィックで見直してください` })),
      );
    }
  },
});
