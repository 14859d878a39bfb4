import type { BaseFact } from '../../contracts/collector.js';
import type { FactName, FactTypes, ReportError } from '../../contracts/types.js';
import type { FactStore } from '../../contracts/collector.js';
import { parseSetCookie, isExpired } from './cookies.js';
import type { Exchange } from './http.js';
import { pageInfo } from './html.js';
import type { ResponseRole } from '../../facts/probe.js';

/** Where gatherers put their facts, errors, timings and the values to mask. */
export class GatherStore {
  readonly facts: FactStore = {};
  readonly errors: ReportError[] = [];
  readonly timing: Record<string, number> = {};
  readonly secrets = new Set<string>();
  constructor(readonly environment: string, readonly now: Date) {}

  add<N extends FactName>(name: N, fact: FactTypes[N]): void {
    ((this.facts[name] ??= []) as BaseFact[]).push(fact as unknown as BaseFact);
  }

  secret(value: string | undefined): void {
    if (value && value.trim().length >= 4) this.secrets.add(value.trim());
  }

  /** Records an exchange: its response fact, its cookies and (for pages) its forms. */
  record(ex: Exchange, role: ResponseRole, hop: number, requestHeaders?: Record<string, string>): void {
    this.add('probeResponse', {
      file: ex.url,
      environment: this.environment,
      role,
      hop,
      url: ex.url,
      method: 'GET',
      ...(requestHeaders ? { requestHeaders } : {}),
      ...(ex.status !== undefined ? { status: ex.status } : {}),
      ...(ex.headers ? { headers: ex.headers } : {}),
      ...(ex.body !== undefined ? { body: ex.body } : {}),
      ...(ex.bodyTruncated ? { bodyTruncated: true } : {}),
      ...(ex.contentType ? { contentType: ex.contentType } : {}),
      ...(ex.ttfbMs !== undefined ? { ttfbMs: ex.ttfbMs } : {}),
      timeMs: ex.timeMs,
      ...(ex.errorCode ? { errorCode: ex.errorCode, error: ex.error } : {}),
      ...(ex.bodyErrorCode ? { bodyErrorCode: ex.bodyErrorCode, bodyError: ex.bodyError } : {}),
    });
    const overHttps = ex.url.startsWith('https:');
    for (const raw of ex.setCookies) {
      const c = parseSetCookie(raw);
      if (!c) continue;
      this.secret(c.value);
      this.add('probeCookie', {
        file: ex.url,
        environment: this.environment,
        url: ex.url,
        role,
        name: c.name,
        valueLength: c.value.length,
        secure: c.secure,
        httpOnly: c.httpOnly,
        ...(c.sameSite !== undefined ? { sameSite: c.sameSite } : {}),
        ...(c.domain ? { domain: c.domain } : {}),
        ...(c.path ? { path: c.path } : {}),
        expired: isExpired(c, this.now),
        overHttps,
      });
    }
    if ((role === 'main' || role === 'login') && ex.body && /html/i.test(ex.contentType ?? 'text/html')) {
      const info = pageInfo(ex.body);
      for (const v of info.tokenValues) this.secret(v);
      info.forms.forEach((f, index) => {
        let actionUrl = ex.url;
        try {
          actionUrl = new URL(f.action ?? '', ex.url).href;
        } catch {
          /* keep the page URL */
        }
        this.add('probeForm', {
          file: ex.url,
          environment: this.environment,
          url: ex.url,
          role,
          index,
          ...(f.action !== undefined ? { action: f.action } : {}),
          actionUrl,
          method: f.method,
          inputs: f.inputs,
          csrfMeta: info.csrfMeta,
        });
      });
    }
  }
}
