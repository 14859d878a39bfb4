import { setting } from '../../facts/systemd.js';
import { defineRule } from '../define.js';
import { at, isOneshot, serviceSection, where } from './_shared.js';

export default defineRule({
  id: 'systemd/missing-restart',
  severity: 'low',
  facts: ['systemd'],
  title: {
    en: 'Service is not restarted when it crashes (no Restart=)',
    ja: 'クラッシュしたサービスが再起動されない (Restart= がない)',
  },
  description: {
    en: "systemd's default is Restart=no: after a crash, an out-of-memory kill or an unhandled exception at start-up the service stays down until someone notices. Restart=on-failure with a RestartSec= brings it back and still lets a clean stop stay stopped.",
    ja: 'systemd の既定値は Restart=no です。クラッシュ、OOM による強制終了、起動時の未処理例外のあと、誰かが気付くまでサービスは停止したままになります。Restart=on-failure と RestartSec= を設定すれば自動で復旧し、正常な停止は停止したままにできます。',
  },
  fix: {
    en: 'Add `Restart=on-failure` and `RestartSec=5` to [Service] (and keep StartLimitIntervalSec= / StartLimitBurst= in [Unit] so a crash loop gives up).',
    ja: '[Service] に `Restart=on-failure` と `RestartSec=5` を追加します（クラッシュループで諦めるよう [Unit] の StartLimitIntervalSec= / StartLimitBurst= も残します）。',
  },
  check(facts, ctx) {
    for (const unit of facts.systemd) {
      if (!serviceSection(unit) || isOneshot(unit)) continue;
      const r = setting(unit, 'Service', 'Restart');
      if (r && r.value !== '' && r.value !== 'no') continue;
      ctx.report({
        ...(r ? at(unit, r) : where(unit)),
        message: r
          ? { en: 'Restart=no: the service stays down after a crash', ja: 'Restart=no: クラッシュ後もサービスが停止したままになります' }
          : { en: 'Service has no Restart=: it stays down after a crash (systemd default Restart=no)', ja: 'サービスに Restart= がありません: クラッシュ後も停止したままになります (systemd の既定値は Restart=no)' },
      });
    }
  },
});
