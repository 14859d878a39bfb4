/**
 * `honban check --init`: a starter checklist of the go-live items of the seed checklists that no
 * automated check covers (rollback plan, restore tested, emergency contacts, architecture doc,
 * monitoring alerts, configuration backup), with English and Japanese titles, added to honban.yml
 * (created when missing; items already there and comments are kept).
 */
import type { ChecklistItem } from '../../contracts/config.js';
import type { Localized } from '../../contracts/types.js';
import { L } from '../../lib/i18n.js';

/** Why the starter checklist cannot be added to an existing honban.yml. */
export class InitError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
    this.name = 'InitError';
  }
}

export const STARTER_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'rollback-plan',
    title: {
      en: 'Rollback plan written and rehearsed: old environment kept, DNS switch-back and database restore steps',
      ja: 'ロールバック計画の作成と予行演習 (旧環境の保持、DNS 切り戻し、データベース復元の手順)',
    },
    priority: 'P0',
    status: 'todo',
  },
  {
    id: 'restore-tested',
    title: { en: 'Backups run on schedule and a restore was tested end to end', ja: 'バックアップが定期実行され、復元を実際に試験済み' },
    priority: 'P0',
    status: 'todo',
  },
  {
    id: 'monitoring-alerts',
    title: {
      en: 'Health-check, disk and certificate-expiry alerts reach a person',
      ja: 'ヘルスチェック・ディスク容量・証明書期限のアラートが担当者に届く',
    },
    priority: 'P0',
    status: 'todo',
  },
  {
    id: 'emergency-contacts',
    title: { en: 'Emergency contact list written and shared with the on-call team', ja: '緊急連絡先リストを作成し、当番と共有済み' },
    priority: 'P1',
    status: 'todo',
  },
  {
    id: 'architecture-doc',
    title: { en: 'Production architecture diagram and operations manual up to date', ja: '本番環境の構成図と運用マニュアルが最新' },
    priority: 'P1',
    status: 'todo',
  },
  {
    id: 'config-backup',
    title: {
      en: 'Configuration and the list of environment variables backed up and kept safely (no values in git)',
      ja: '設定と環境変数一覧をバックアップし、安全に保管 (値は git に置かない)',
    },
    priority: 'P1',
    status: 'todo',
  },
];

const HEADER = `# The go-live checklist of \`honban check\` (see docs/check.md).
# Manual items: status todo | done | deferred | skipped | not-applicable; a done item needs
# attested: { by, on } (and may have evidence: and reattest: 90d); deferred / skipped /
# not-applicable need a reason: and may have until: YYYY-MM-DD. Automated items list rule ids or
# globs under checks: (e.g. checks: [tls/*, nginx/missing-hsts]) and pass when none has an open finding.
# P0 items block the launch while open.`;

export interface InitResult {
  text: string;
  added: string[];
  kept: string[];
}

/** Adds the starter items missing from `existing` (a honban.yml text, or undefined for a new file). */
export async function addStarterChecklist(existing: string | undefined): Promise<InitResult> {
  const YAML = await import('yaml');
  const items = STARTER_CHECKLIST.map((i) => ({ ...i }));
  if (existing === undefined || existing.trim() === '' || YAML.parseDocument(existing).contents === null) {
    const doc = new YAML.Document({ checklist: items });
    doc.commentBefore = HEADER.split('\n').map((l) => l.replace(/^# ?/, ' ')).join('\n');
    const prefix = existing?.trim() ? existing.trimEnd() + '\n\n' : '';
    return { text: prefix + doc.toString({ lineWidth: 0 }), added: items.map((i) => i.id), kept: [] };
  }
  const doc = YAML.parseDocument(existing);
  if (doc.errors.length) {
    const first = doc.errors[0]!.message.split('\n')[0];
    throw new InitError(L(`honban.yml is not valid YAML: ${first}`, `honban.yml が正しい YAML ではありません: ${first}`));
  }
  if (!YAML.isMap(doc.contents) && doc.contents !== null) throw new InitError(L('honban.yml must be a mapping', 'honban.yml はマッピング (キーと値の組) でなければなりません'));
  const current = doc.get('checklist');
  const have = new Set<string>();
  if (YAML.isSeq(current)) {
    for (const it of current.items) if (YAML.isMap(it) && typeof it.get('id') === 'string') have.add(it.get('id') as string);
  } else if (current !== undefined && current !== null) throw new InitError(L('checklist: in honban.yml is not a list', 'honban.yml の checklist: がリストではありません'));
  const missing = items.filter((i) => !have.has(i.id));
  if (YAML.isSeq(current)) {
    for (const i of missing) current.add(doc.createNode(i));
  } else if (missing.length) {
    const node = doc.createNode(missing);
    const pair = doc.createPair('checklist', node);
    const key = pair.key as { commentBefore?: string; spaceBefore?: boolean };
    key.commentBefore = HEADER.split('\n').map((l) => l.replace(/^# ?/, ' ')).join('\n');
    key.spaceBefore = true;
    (doc.contents as unknown as { items: unknown[] }).items.push(pair);
  }
  return { text: doc.toString({ lineWidth: 0 }), added: missing.map((i) => i.id), kept: [...have] };
}
