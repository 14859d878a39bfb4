import type { Rule } from '../../contracts/types.js';
import cookieMissingHostPrefix from './cookie-missing-host-prefix.js';
import cookieMissingHttponly from './cookie-missing-httponly.js';
import cookieMissingSamesite from './cookie-missing-samesite.js';
import cookieMissingSecure from './cookie-missing-secure.js';
import corsReflectedOrigin from './cors-reflected-origin.js';
import corsWildcardCredentials from './cors-wildcard-credentials.js';
import cspAllowlistBypass from './csp-allowlist-bypass.js';
import cspInvalidSyntax from './csp-invalid-syntax.js';
import cspMissingDirective from './csp-missing-directive.js';
import cspUnsafeEval from './csp-unsafe-eval.js';
import cspUnsafeInline from './csp-unsafe-inline.js';
import cspWeakSource from './csp-weak-source.js';
import cspWildcardSource from './csp-wildcard-source.js';
import debugDjangoDebugPage from './debug-django-debug-page.js';
import debugRailsErrorPage from './debug-rails-error-page.js';
import debugStackTrace from './debug-stack-trace.js';
import debugWerkzeugDebugger from './debug-werkzeug-debugger.js';
import dnsUnresolved from './dns-unresolved.js';
import headersMissingCsp from './headers-missing-csp.js';
import headersMissingFrameProtection from './headers-missing-frame-protection.js';
import headersMissingHsts from './headers-missing-hsts.js';
import headersMissingNosniff from './headers-missing-nosniff.js';
import headersWeakHsts from './headers-weak-hsts.js';
import headersWeakReferrerPolicy from './headers-weak-referrer-policy.js';
import healthUnhealthy from './health-unhealthy.js';
import httpIndirectRedirect from './http-indirect-redirect.js';
import httpMissingRedirect from './http-missing-redirect.js';
import httpNotHttps from './http-not-https.js';
import httpRedirectLoop from './http-redirect-loop.js';
import httpServerError from './http-server-error.js';
import httpStalledBody from './http-stalled-body.js';
import httpTemporaryRedirect from './http-temporary-redirect.js';
import httpUnreachable from './http-unreachable.js';
import loadErrors from './load-errors.js';
import loadSlowResponse from './load-slow-response.js';
import loginInsecureForm from './login-insecure-form.js';
import loginMissingCsrfToken from './login-missing-csrf-token.js';
import loginMissingForm from './login-missing-form.js';
import loginMissingSessionCookie from './login-missing-session-cookie.js';
import loginUnavailable from './login-unavailable.js';
import perfSlowResponse from './perf-slow-response.js';
import serverDevelopmentServer from './server-development-server.js';
import serverUnexpected from './server-unexpected.js';
import serverVersionDisclosed from './server-version-disclosed.js';
import tlsCertificateExpired from './tls-certificate-expired.js';
import tlsCertificateExpiring from './tls-certificate-expiring.js';
import tlsHostnameMismatch from './tls-hostname-mismatch.js';
import tlsMissingTls13 from './tls-missing-tls13.js';
import tlsOldProtocol from './tls-old-protocol.js';
import tlsUnavailable from './tls-unavailable.js';
import tlsUntrustedCertificate from './tls-untrusted-certificate.js';
import tlsWeakKey from './tls-weak-key.js';
import tlsWeakSignature from './tls-weak-signature.js';

/**
 * Rules of `honban probe` (command: 'probe'): they judge the facts the gatherers of src/collect/probe/
 * collect from a live site. Domains: dns, http, tls, headers, csp, server, cookie, cors, debug,
 * login, health, perf, load.
 */
export const rules: Rule<any>[] = [
  cookieMissingHostPrefix,
  cookieMissingHttponly,
  cookieMissingSamesite,
  cookieMissingSecure,
  corsReflectedOrigin,
  corsWildcardCredentials,
  cspAllowlistBypass,
  cspInvalidSyntax,
  cspMissingDirective,
  cspUnsafeEval,
  cspUnsafeInline,
  cspWeakSource,
  cspWildcardSource,
  debugDjangoDebugPage,
  debugRailsErrorPage,
  debugStackTrace,
  debugWerkzeugDebugger,
  dnsUnresolved,
  headersMissingCsp,
  headersMissingFrameProtection,
  headersMissingHsts,
  headersMissingNosniff,
  headersWeakHsts,
  headersWeakReferrerPolicy,
  healthUnhealthy,
  httpIndirectRedirect,
  httpMissingRedirect,
  httpNotHttps,
  httpRedirectLoop,
  httpServerError,
  httpStalledBody,
  httpTemporaryRedirect,
  httpUnreachable,
  loadErrors,
  loadSlowResponse,
  loginInsecureForm,
  loginMissingCsrfToken,
  loginMissingForm,
  loginMissingSessionCookie,
  loginUnavailable,
  perfSlowResponse,
  serverDevelopmentServer,
  serverUnexpected,
  serverVersionDisclosed,
  tlsCertificateExpired,
  tlsCertificateExpiring,
  tlsHostnameMismatch,
  tlsMissingTls13,
  tlsOldProtocol,
  tlsUnavailable,
  tlsUntrustedCertificate,
  tlsWeakKey,
  tlsWeakSignature,
];
