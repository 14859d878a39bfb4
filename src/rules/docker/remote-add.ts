import { defineRule } from '../define.js';

export default defineRule({
  id: 'docker/remote-add',
  severity: 'medium',
  facts: ['dockerfile'],
  title: { en: 'ADD downloads a remote file without a checksum', ja: 'ADD がチェックサムなしでリモートのファイルを取得している' },
  description: {
    en: 'ADD with a URL fetches the file at build time and puts it in the image without verifying it. If the server, the DNS name or the connection is compromised, or the file is simply replaced upstream, the image silently ships different code. BuildKit can verify a checksum (`ADD --checksum=sha256:…`); otherwise download with curl and check the hash.',
    ja: 'URL を指定した ADD は、ビルド時にファイルを取得して検証せずにイメージへ入れます。配布元サーバー、DNS、通信経路が侵害された場合や、単に配布元でファイルが差し替えられた場合、イメージには黙って別のコードが入ります。BuildKit ではチェックサムを検証できます (`ADD --checksum=sha256:…`)。それ以外は curl で取得してハッシュを確認してください。',
  },
  fix: {
    en: 'Pin the content: `ADD --checksum=sha256:<hash> https://… /dest`, or `RUN curl -fsSLo /tmp/x.tgz https://… && echo "<sha256>  /tmp/x.tgz" | sha256sum -c - && tar -xzf /tmp/x.tgz -C /opt`.',
    ja: '内容を固定してください: `ADD --checksum=sha256:<ハッシュ> https://… /dest`、または `RUN curl -fsSLo /tmp/x.tgz https://… && echo "<sha256>  /tmp/x.tgz" | sha256sum -c - && tar -xzf /tmp/x.tgz -C /opt`。',
  },
  references: { cwe: ['CWE-494'], equivalents: ['hadolint DL3020', 'CKV_DOCKER_4'] },
  check(facts, ctx) {
    for (const f of facts.dockerfile) {
      for (const st of f.stages) {
        for (const cp of st.copies) {
          if (cp.instruction !== 'ADD' || cp.checksum) continue;
          for (const s of cp.sources) {
            if (!s.remote) continue;
            ctx.report({
              file: f.file,
              line: s.line,
              column: s.column,
              message: { en: `ADD fetches ${s.value.replace(/[?#].*$/, '')} at build time without verifying a checksum`, ja: `ADD がビルド時に ${s.value.replace(/[?#].*$/, '')} をチェックサムの検証なしで取得しています` },
            });
          }
        }
      }
    }
  },
});
