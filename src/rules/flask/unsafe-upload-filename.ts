import { usesFlask } from '../../facts/python/query.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'flask/unsafe-upload-filename',
  severity: 'high',
  facts: ['python'],
  title: { en: "Uploaded file saved under the client's file name", ja: 'アップロードファイルをクライアント指定のファイル名で保存' },
  description: {
    en: "`file.filename` is whatever the client sent, e.g. `../../app/config.py` or `../.ssh/authorized_keys`. Joining it to an upload directory and calling `.save()` lets a client write files anywhere the process can (path traversal), overwrite application code or templates, or plant a file the server later executes.",
    ja: '`file.filename` はクライアントが送った任意の文字列で、`../../app/config.py` や `../.ssh/authorized_keys` にもなりえます。それをアップロード先ディレクトリに連結して `.save()` すると、プロセスが書ける任意の場所にファイルを書き込まれ (パストラバーサル)、アプリのコードやテンプレートを上書きされたり、後でサーバーが実行するファイルを置かれたりします。',
  },
  fix: {
    en: "Sanitize the name and check the extension before saving: `filename = secure_filename(file.filename)` (werkzeug.utils), reject names whose extension is not allowed, and preferably store under a generated name (`uuid4().hex + ext`).",
    ja: '保存前に名前を無害化し拡張子を確認します: `filename = secure_filename(file.filename)` (werkzeug.utils)。許可しない拡張子は拒否し、できれば生成した名前 (`uuid4().hex + ext`) で保存します。',
  },
  references: { cwe: ['CWE-22', 'CWE-434'] },
  check(facts, ctx) {
    if (!usesFlask(facts.python)) return;
    for (const fact of facts.python) {
      for (const s of fact.fileSaves) {
        if (!s.rawFilename || !ctx.judges(s.environment)) continue;
        ctx.report({
          file: fact.file,
          line: s.line,
          column: s.column,
          message: {
            en: `An upload is saved${s.function ? ` in ${s.function}()` : ''} under a path built from the client's filename without secure_filename(): a name like ../../app.py writes outside the upload directory`,
            ja: `${s.function ? `${s.function}() で` : ''}クライアントのファイル名から secure_filename() なしで組み立てたパスにアップロードを保存しています。../../app.py のような名前でアップロード先の外に書き込めます`,
          },
        });
      }
    }
  },
});
