import { defineRule } from '../define.js';
import { deployedStages } from '../../facts/docker-stages.js';

export default defineRule({
  id: 'docker/shell-form-command',
  severity: 'low',
  facts: ['dockerfile', 'compose'],
  title: { en: 'CMD / ENTRYPOINT in shell form: the app does not receive SIGTERM', ja: 'CMD / ENTRYPOINT がシェル形式のため、アプリが SIGTERM を受け取らない' },
  description: {
    en: 'The command the image runs is written in shell form (`CMD gunicorn app:app`), so Docker starts `/bin/sh -c "…"` as PID 1 and the application as its child. `/bin/sh` does not forward SIGTERM: on every deploy, scale-in or restart the app gets no chance to finish in-flight requests and is killed after the stop timeout. A shell-form ENTRYPOINT also ignores CMD and the arguments of `docker run`.',
    ja: 'イメージが実行するコマンドがシェル形式 (`CMD gunicorn app:app`) で書かれているため、Docker は `/bin/sh -c "…"` を PID 1 として起動し、アプリはその子プロセスになります。`/bin/sh` は SIGTERM を転送しないので、デプロイ・スケールイン・再起動のたびにアプリは処理中のリクエストを終える機会がなく、停止タイムアウト後に強制終了されます。シェル形式の ENTRYPOINT は CMD や `docker run` の引数も無視します。',
  },
  fix: {
    en: 'Use the exec (JSON) form: `CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]`; when a shell is needed, end the script with `exec`: `CMD ["sh", "-c", "flask db upgrade && exec gunicorn app:app"]`.',
    ja: 'exec 形式 (JSON) で書いてください: `CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]`。シェルが必要な場合は最後のコマンドを `exec` で起動します: `CMD ["sh", "-c", "flask db upgrade && exec gunicorn app:app"]`。',
  },
  references: { equivalents: ['hadolint DL3025'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      for (const last of deployedStages(f, facts.compose)) {
      const { entrypoint, cmd } = last.effective;
      const target = entrypoint ?? cmd;
      if (!target || target.form !== 'shell') continue;
      // `exec` hands PID 1 to the app; a single simple command is exec'ed by most /bin/sh too, but not by all (busybox, dash with traps).
      if (/^exec\s/.test(target.text)) continue;
      ctx.report({
        file: f.file,
        line: target.line,
        column: target.column,
        message: {
          en: `${target.instruction} is in shell form: /bin/sh runs as PID 1 and does not pass SIGTERM to the application`,
          ja: `${target.instruction} がシェル形式です。/bin/sh が PID 1 になり、SIGTERM をアプリケーションに渡しません`,
        },
      });
      }
    }
  },
});
