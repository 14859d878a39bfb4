import { defineRule } from '../define.js';
import { at, withRole } from './_common.js';

const VERBOSE = new Set(['DEBUG', 'TRACE', 'ALL', 'VERBOSE', 'SILLY', 'FINEST', 'FINER']);

export default defineRule({
  id: 'env/verbose-log-level',
  severity: 'low',
  command: 'env',
  environments: ['production'],
  facts: ['envVar'],
  title: {
    en: 'Debug log level in production',
    ja: '本番のログレベルが DEBUG',
  },
  description: {
    en: 'LOG_LEVEL is DEBUG (or TRACE): production logs then carry request bodies, SQL with parameters and sometimes tokens, fill the disk and cost money in log services.',
    ja: 'LOG_LEVEL が DEBUG (または TRACE) です。本番のログにリクエスト本文やパラメーター付きの SQL、場合によってはトークンまで出力され、ディスクを埋め、ログサービスの費用も増えます。',
  },
  fix: {
    en: 'Use INFO or WARNING in production (LOG_LEVEL=INFO) and raise it temporarily when investigating.',
    ja: '本番では INFO か WARNING を使い (LOG_LEVEL=INFO)、調査時だけ一時的に上げてください。',
  },
  references: { cwe: ['CWE-532'] },
  check(facts, ctx) {
    for (const v of withRole(facts.envVar, 'log-level')) {
      const level = v.value.trim().toUpperCase();
      if (!VERBOSE.has(level) && !(/^\d+$/.test(level) && Number(level) <= 10)) continue;
      ctx.report({
        ...at(v),
        message: { en: `${v.key} is ${v.value.trim()} in ${ctx.environment}`, ja: `${ctx.environment} の ${v.key} が ${v.value.trim()} です` },
        fingerprint: `${v.key} level`,
      });
    }
  },
});
