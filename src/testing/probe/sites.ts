/**
 * Request handlers that behave like real sites, good and bad, for the probe tests. The error
 * pages imitate what Werkzeug, Django, Rails and Express show in development — written for these
 * tests, reduced to what identifies them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './servers.js';

export interface Page {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  contentType?: string;
  delayMs?: number;
}

export type Route = Page | Handler;

export interface SiteOptions {
  /** Response for `/` (and any route not listed). */
  main?: Page;
  /** Exact paths (without query) → page or handler. */
  routes?: Record<string, Route>;
  /** Answer for unknown paths (default: a plain 404). */
  notFound?: Page;
  /** Headers added to every response. */
  always?: Record<string, string | string[]>;
  cors?: 'none' | 'reflect' | 'reflect-credentials' | 'wildcard' | 'wildcard-credentials' | 'allow-list';
  /** Called with every request (tests inspect what the probe sent). */
  onRequest?: (req: IncomingMessage) => void;
}

export const GOOD_HEADERS: Record<string, string> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'content-security-policy': "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export const HOME = '<!doctype html><html><head><title>Home</title></head><body><h1>Welcome</h1><a href="/login">Sign in</a></body></html>';

export function loginPage(o: { csrf: boolean; method?: string; action?: string }): string {
  return `<!doctype html><html><head><title>Sign in</title></head><body>
<form method="${o.method ?? 'post'}" action="${o.action ?? '/login'}">
  ${o.csrf ? '<input type="hidden" name="csrf_token" value="IjQ2ZTFiYzM0ZGE5ZWY3NTk3OGNlNTg4NzUxNzYwZGRhNDE4ZmE3NDEi.ZxYw5g.7bq0d3Qm8">' : ''}
  <label>User <input type="text" name="username" autocomplete="username"></label>
  <label>Password <input type="password" name="password" autocomplete="current-password"></label>
  <button type="submit">Sign in</button>
</form></body></html>`;
}

/** Flask's debugger page when a view raised (debug=True, use_debugger=True). */
export const WERKZEUG_DEBUGGER = `<!doctype html>
<html lang=en>
  <head>
    <title>ZeroDivisionError: division by zero
 // Werkzeug Debugger</title>
    <link rel="stylesheet" href="?__debugger__=yes&amp;cmd=resource&amp;f=style.css">
    <script src="?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js"></script>
    <script>
      var CONSOLE_MODE = false,
          EVALEX = true,
          EVALEX_TRUSTED = false,
          SECRET = "Xb1r9fQeTzZk3YpQ0aL2";
    </script>
  </head>
  <body style="background-color: #fff">
    <div class="debugger">
<h1>ZeroDivisionError</h1>
<div class="detail"><p class="errormsg">ZeroDivisionError: division by zero</p></div>
<h2 class="traceback">Traceback <em>(most recent call last)</em></h2>
<div class="traceback"><ul><li><div class="frame" id="frame-140"><h4>File <cite class="filename">"/srv/app/app.py"</cite>, line <em class="line">12</em>, in <code class="function">index</code></h4></div></li></ul></div>
<div class="explanation">The debugger caught an exception in your WSGI application.  You can now look at the traceback which led to the error.</div>
    </div>
  </body>
</html>`;

export const WERKZEUG_CONSOLE = `<!doctype html>
<html lang=en><head><title>Console // Werkzeug Debugger</title>
<script>var CONSOLE_MODE = true, EVALEX = true, EVALEX_TRUSTED = false, SECRET = "Xb1r9fQeTzZk3YpQ0aL2";</script></head>
<body><div class="debugger"><h1>Interactive Console</h1><div class="explanation">In this console you can execute Python expressions in the context of the application.</div>
<div class="console"><div class="inner">The Console requires JavaScript.</div></div></div></body></html>`;

export const WERKZEUG_JS = `docReady(() => {\n  if (!EVALEX_TRUSTED) { initPinBox(); }\n  const url = "?__debugger__=yes&cmd=" + encodeURIComponent(cmd) + "&frm=" + frameID + "&s=" + SECRET;\n});\n`;

/** Django's technical 404 with DEBUG = True. */
export function djangoTechnical404(path: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta http-equiv="content-type" content="text/html; charset=utf-8"><title>Page not found at ${path}</title></head>
<body><div id="summary"><h1>Page not found <span>(404)</span></h1>
<table class="meta"><tr><th>Request Method:</th><td>GET</td></tr><tr><th>Request URL:</th><td>http://127.0.0.1${path}</td></tr></table></div>
<div id="info"><p>Using the URLconf defined in <code>mysite.urls</code>, Django tried these URL patterns, in this order:</p>
<ol><li>admin/</li><li>accounts/</li><li>api/</li></ol><p>The current path, <code>${path.slice(1)}</code>, didn’t match any of these.</p></div>
<div id="explanation"><p>You’re seeing this error because you have <code>DEBUG = True</code> in your Django settings file. Change that to <code>False</code>, and Django will display a standard 404 page.</p></div>
</body></html>`;
}

/** Rails' routing error page in development. */
export function railsRoutingError(path: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8" /><title>Action Controller: Exception caught</title></head>
<body><header><h1>Routing Error</h1></header>
<div id="container"><h2 style="margin-top: 30px">No route matches [GET] &quot;${path}&quot;</h2>
<p><code>Rails.root: /srv/shop</code></p>
<div id="route_table"><h2>Routes</h2><p>Routes match in priority from top to bottom</p>
<table><tr><td>root_path</td><td>GET</td><td>/</td><td>home#index</td></tr></table></div></div></body></html>`;
}

export const RAILS_INFO = `<!DOCTYPE html><html><head><title>Routes</title></head><body><h2>Rails properties</h2>
<table><tr><td class="name">Rails version</td><td class="value">7.1.3</td></tr><tr><td class="name">Ruby version</td><td class="value">3.3.0</td></tr></table></body></html>`;

/** Express's default error handler in development (finalhandler prints err.stack). */
export function expressStack(path: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Error</title>
</head>
<body>
<pre>URIError: Failed to decode param &#39;${path}&#39;<br> &nbsp; &nbsp;at decodeURIComponent (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at decode_param (/srv/api/node_modules/express/lib/router/layer.js:172:12)</pre>
</body>
</html>
`;
}

/** The same trace as text/plain, as Node frameworks print it. */
export function nodeStackText(): string {
  return `TypeError: Cannot read properties of undefined (reading 'id')
    at getUser (/srv/api/src/routes/users.js:14:22)
    at Layer.handle [as handle_request] (/srv/api/node_modules/express/lib/router/layer.js:95:5)
    at next (/srv/api/node_modules/express/lib/router/route.js:149:13)
`;
}

function send(res: ServerResponse, page: Page, always: Record<string, string | string[]> = {}): void {
  const write = () => {
    res.statusCode = page.status ?? 200;
    for (const [k, v] of Object.entries({ ...always, ...(page.headers ?? {}) })) res.setHeader(k, v);
    if (!res.hasHeader('content-type')) res.setHeader('content-type', page.contentType ?? 'text/html; charset=utf-8');
    res.end(page.body ?? '');
  };
  if (page.delayMs) setTimeout(write, page.delayMs);
  else write();
}

/** A site: routes, a main page, a 404, CORS behaviour. */
export function site(o: SiteOptions = {}): Handler {
  return (req, res) => {
    o.onRequest?.(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    if (origin && o.cors && o.cors !== 'none') {
      if (o.cors === 'reflect' || o.cors === 'reflect-credentials') res.setHeader('access-control-allow-origin', origin);
      if (o.cors === 'reflect-credentials' || o.cors === 'wildcard-credentials') res.setHeader('access-control-allow-credentials', 'true');
      if (o.cors === 'wildcard-credentials' || o.cors === 'wildcard') res.setHeader('access-control-allow-origin', '*');
      if (o.cors === 'allow-list' && origin === 'https://app.example.com') res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
    }
    const route = o.routes?.[url.pathname];
    if (typeof route === 'function') return route(req, res);
    if (route) return send(res, route, o.always);
    if (url.pathname === '/') return send(res, o.main ?? { body: HOME, headers: GOOD_HEADERS }, o.always);
    return send(res, o.notFound ?? { status: 404, body: '<!doctype html><title>Not Found</title><h1>Not Found</h1>' }, o.always);
  };
}

/** A plain-HTTP site that redirects everything to `target` with `status`. */
export function redirectTo(target: (path: string) => string, status = 301): Handler {
  return (req, res) => {
    res.statusCode = status;
    res.setHeader('location', target(req.url ?? '/'));
    res.end();
  };
}
