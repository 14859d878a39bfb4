import { atLeast } from './_versions.js';
import { defineRule } from '../define.js';

const ALIASES: Record<string, string[]> = { nginx: ['nginx', 'nginx-core', 'nginx-full', 'nginx-light', 'nginx-extras', 'nginx-common'], python3: ['python3', 'python3-minimal'] };

export default defineRule({
  id: 'host/software-below-floor',
  severity: 'medium',
  command: 'host',
  facts: ['hostPackages', 'hostSettings'],
  title: { en: 'Installed software is older than the required version', ja: 'インストール済みソフトウェアが必要なバージョンより古い' },
  description: {
    en: 'The checklist sets floors: Python 3.9 or later, nginx 1.18 or later (honban.yml `host.floors` adds or changes them). Older versions lack the language features and TLS / HTTP/2 behaviour the application and its configuration were written for, and are out of upstream support.',
    ja: 'チェックリストは下限を定めています: Python 3.9 以上、nginx 1.18 以上 (honban.yml の `host.floors` で追加・変更できます)。古い版には、アプリと設定が前提とする言語機能や TLS / HTTP/2 の挙動がなく、上流のサポートも終わっています。',
  },
  fix: { en: 'Install a newer version from the distribution (a newer release), the vendor\'s repository (nginx.org packages) or a side-by-side build (deadsnakes, pyenv) for the application.', ja: 'ディストリビューション (新しいリリース)、ベンダーのリポジトリ (nginx.org のパッケージ)、またはアプリ用の並行インストール (deadsnakes、pyenv) で新しい版を入れます。' },
  check(facts, ctx) {
    const floors = facts.hostSettings[0]!.floors;
    for (const db of facts.hostPackages) {
      for (const [name, floor] of Object.entries(floors)) {
        const names = ALIASES[name] ?? [name];
        let pkg = db.packages.find((p) => names.includes(p.name));
        if (!pkg && name === 'python3') pkg = db.packages.filter((p) => /^python3\.\d+$/.test(p.name)).sort((a, b) => (a.name < b.name ? 1 : -1))[0];
        if (!pkg) continue;
        if (atLeast(pkg.version, floor) !== false) continue;
        ctx.report({ file: db.file, line: pkg.line, message: { en: `${pkg.name} ${pkg.version} is older than the required ${name} ${floor}`, ja: `${pkg.name} ${pkg.version} は必要な ${name} ${floor} より古い版です` } });
      }
    }
  },
});
