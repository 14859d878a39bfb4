import { effective, isProxyParams, isTls, locations, named, servers, type Level } from '../../facts/nginx/query.js';
import { defineRule } from '../define.js';
import { reporter, unknownIncludes } from './_shared.js';

export default defineRule({
  id: 'nginx/missing-forwarded-proto',
  severity: 'low',
  environments: ['production', 'staging'],
  facts: ['nginx'],
  title: {
    en: 'proxy_pass without X-Forwarded-Proto',
    ja: 'proxy_pass で X-Forwarded-Proto を渡していない',
  },
  description: {
    en: 'Behind nginx the application sees plain HTTP from 127.0.0.1. Without X-Forwarded-Proto it cannot know the client used HTTPS: it builds http:// redirect and callback URLs, may refuse to set Secure cookies, and a force-HTTPS setting (Talisman, SECURE_SSL_REDIRECT, config.force_ssl) redirects forever. Remember that proxy_set_header in a location replaces all inherited ones.',
    ja: 'nginx の背後のアプリケーションには 127.0.0.1 からの平文 HTTP に見えます。X-Forwarded-Proto がないと、クライアントが HTTPS を使ったことが分からず、http:// のリダイレクト先やコールバック URL を生成し、Secure Cookie を設定しないことがあり、HTTPS 強制設定 (Talisman, SECURE_SSL_REDIRECT, config.force_ssl) は無限リダイレクトになります。location で proxy_set_header を 1 つでも書くと、継承された設定はすべて置き換わる点にも注意してください。',
  },
  fix: {
    en: 'Add `proxy_set_header X-Forwarded-Proto $scheme;` (with Host, X-Forwarded-For and X-Real-IP) where the proxy_set_header lines of this location live, and let the app trust it (ProxyFix, SECURE_PROXY_SSL_HEADER, trust proxy). If TLS terminates at a load balancer in front of nginx, pass `$http_x_forwarded_proto` instead of `$scheme`.',
    ja: 'この location で有効な proxy_set_header の並びに `proxy_set_header X-Forwarded-Proto $scheme;`（Host・X-Forwarded-For・X-Real-IP と併せて）を追加し、アプリ側で信頼する設定 (ProxyFix, SECURE_PROXY_SSL_HEADER, trust proxy) を行います。nginx の前段のロードバランサーで TLS を終端している場合は `$scheme` ではなく `$http_x_forwarded_proto` を渡します。',
  },
  check(facts, ctx) {
    const once = reporter(ctx);
    const setsProto = (chain: Level[]) => {
      // proxy_set_header is inherited only by levels that set none of their own; an include of
      // Debian's proxy_params at a level counts as that level's headers.
      for (let i = chain.length - 1; i >= 0; i--) {
        const own = named(chain[i]!, 'proxy_set_header');
        const params = named(chain[i]!, 'include').filter((d) => d.external && isProxyParams(d));
        if (params.length) return true;
        if (own.length) return own.some((d) => d.args[0]?.toLowerCase() === 'x-forwarded-proto');
      }
      return false;
    };
    for (const cfg of facts.nginx) {
      for (const s of servers(cfg)) {
        for (const loc of locations(s)) {
          const level = loc.chain[loc.chain.length - 1]!;
          const pass = named(level, 'proxy_pass')[0];
          if (!pass) continue;
          const eff = effective(loc.chain, 'proxy_set_header');
          if (setsProto(loc.chain)) continue;
          // An unknown included file at the level in effect may set it.
          if (unknownIncludes(loc.chain.slice(0, eff.index >= 0 ? eff.index + 1 : loc.chain.length), 'proxy').some((d) => !isProxyParams(d))) continue;
          const hint = isTls(s) ? '$scheme' : '$scheme (or $http_x_forwarded_proto behind a TLS load balancer)';
          const hintJa = isTls(s) ? '$scheme' : '$scheme（TLS をロードバランサーで終端している場合は $http_x_forwarded_proto）';
          once(`${pass.file}:${pass.line}`, () =>
            ctx.report({
              file: pass.file,
              line: pass.line,
              column: pass.column,
              message: {
                en: `proxy_pass in location ${loc.node.args.join(' ')} sends no X-Forwarded-Proto header: the application cannot tell the request came over HTTPS (add proxy_set_header X-Forwarded-Proto ${hint})`,
                ja: `location ${loc.node.args.join(' ')} の proxy_pass が X-Forwarded-Proto ヘッダーを送っていません: アプリケーションはリクエストが HTTPS だったことを判別できません (proxy_set_header X-Forwarded-Proto ${hintJa} を追加してください)`,
              },
            }),
          );
        }
      }
    }
  },
});
