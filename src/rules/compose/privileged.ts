import { defineRule } from '../define.js';

const UNCONFINED = /^(seccomp|apparmor|systempaths)[:=]unconfined$|^label[:=]disable$|^no-new-privileges[:=]false$/i;

export default defineRule({
  id: 'compose/privileged',
  severity: 'high',
  facts: ['compose'],
  title: { en: 'Privileged container or disabled sandbox', ja: '特権コンテナ、またはサンドボックスの無効化' },
  description: {
    en: 'A service runs with `privileged: true`, or turns off a kernel sandbox with `security_opt` (`seccomp:unconfined`, `apparmor:unconfined`, `label:disable`, `systempaths=unconfined`). A privileged container has every capability and access to all host devices: code execution in it is root on the host in a few commands (mount the host disk, load a kernel module).',
    ja: 'サービスが `privileged: true` で動作するか、`security_opt` でカーネルのサンドボックスを無効にしています (`seccomp:unconfined`、`apparmor:unconfined`、`label:disable`、`systempaths=unconfined`)。特権コンテナはすべてのケーパビリティとホストの全デバイスへのアクセスを持つため、コンテナ内でコードを実行されると、数コマンドでホストの root になれます（ホストのディスクをマウントする、カーネルモジュールを読み込むなど）。',
  },
  fix: {
    en: 'Remove `privileged: true` and the unconfined `security_opt`; grant only the specific capability or device the service needs (`cap_add: [NET_BIND_SERVICE]`, `devices: ["/dev/ttyUSB0"]`).',
    ja: '`privileged: true` と unconfined の `security_opt` を削除し、サービスに本当に必要なケーパビリティやデバイスだけを与えてください (`cap_add: [NET_BIND_SERVICE]`、`devices: ["/dev/ttyUSB0"]`)。',
  },
  references: { cwe: ['CWE-250', 'CWE-269'] },
  check(facts, ctx) {
    for (const f of facts.compose) {
      for (const svc of f.services) {
        if (svc.privileged?.value) {
          ctx.report({
            file: f.file,
            line: svc.privileged.line,
            column: svc.privileged.column,
            message: { en: `Service "${svc.name}" runs privileged: it has every capability and all host devices`, ja: `サービス "${svc.name}" が特権モードで動作します。すべてのケーパビリティとホストの全デバイスを持ちます` },
          });
        }
        for (const opt of svc.securityOpt) {
          if (!UNCONFINED.test(opt.value.trim())) continue;
          ctx.report({
            file: f.file,
            line: opt.line,
            column: opt.column,
            message: { en: `Service "${svc.name}" turns off a kernel sandbox with security_opt ${opt.value}`, ja: `サービス "${svc.name}" が security_opt ${opt.value} でカーネルのサンドボックスを無効にしています` },
          });
        }
      }
    }
  },
});
