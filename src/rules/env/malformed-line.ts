import { defineRule } from '../define.js';

export default defineRule({
  id: 'env/malformed-line',
  severity: 'medium',
  facts: ['dotenv'],
  title: {
    en: 'Env file line that dotenv ignores or misreads',
    ja: 'dotenv が無視する、または誤読する env ファイルの行',
  },
  description: {
    en: 'A line of an env file is not a `KEY=value` assignment dotenv accepts (a space in the key, a missing `=`, a YAML-style `KEY:value`), or its value is read differently than written: an unterminated quote keeps the quote characters in the value, and a `#` without a space before it cuts an unquoted value for dotenv but not for docker compose or python-dotenv. The variable the author meant to set is missing or different in production.',
    ja: 'env ファイルの行が dotenv の受け付ける `KEY=value` 形式になっていない (キーに空白がある、`=` がない、YAML 風の `KEY:value` など) か、値が書いたとおりに読まれません: 閉じていない引用符は値に引用符が含まれたままになり、前に空白のない `#` は dotenv では値を途中で切りますが docker compose や python-dotenv では切りません。設定したつもりの変数が本番で欠けているか、違う値になります。',
  },
  fix: {
    en: 'Write one `KEY=value` per line; quote values that contain `#`, spaces or quotes (`PASSWORD="a#b"`), and close every quote on the same line unless the value is meant to span lines.',
    ja: '1 行に 1 つ `KEY=value` を書いてください。`#`、空白、引用符を含む値は引用符で囲み (`PASSWORD="a#b"`)、複数行にする意図がない限り引用符は同じ行で閉じてください。',
  },
  check(facts, ctx) {
    for (const f of facts.dotenv) {
      for (const p of f.problems) {
        ctx.report({
          file: f.file,
          line: p.line,
          column: p.column,
          message: {
            en: `Line ${p.line}: ${p.message}`,
            ja: `${p.line} 行目: ${translate(p.message)}`,
          },
        });
      }
    }
  },
});

/** Japanese for the tokenizer's problem messages (they are produced in English). */
function translate(message: string): string {
  const key = /^([\w.-]+): /.exec(message)?.[1];
  if (message.includes('key contains a space')) return '代入になっていません: キーに空白が含まれています。dotenv はこの行を無視します';
  if (message.includes('characters dotenv does not accept')) return '代入になっていません: キーに dotenv が受け付けない文字があります (使えるのは英数字と _ . - だけ)。dotenv はこの行を無視します';
  if (message.includes('colon separator')) return '代入になっていません: コロン区切りにはコロンの後に空白が必要です (KEY: value)。dotenv はこの行を無視します';
  if (message.includes('quote is not closed')) return `${key}: 引用符が閉じていないか、閉じた引用符の後に文字があります。dotenv は引用符を値の一部として読みます`;
  if (message.includes("'#' without a space")) return `${key}: 前に空白のない '#' は dotenv では値の終わりになりますが、docker compose や python-dotenv ではなりません。値を引用符で囲んでください`;
  if (message.startsWith('not an assignment')) return '代入 (KEY=value) になっていません。dotenv はこの行を無視します';
  return message;
}
