import type { Rule } from '../../contracts/types.js';
import addHeaderDropped from './add-header-dropped.js';
import aliasTraversal from './alias-traversal.js';
import brokenInclude from './broken-include.js';
import clientBodySizeUnset from './client-body-size-unset.js';
import configTestFailed from './config-test-failed.js';
import defaultSiteEnabled from './default-site-enabled.js';
import directoryListing from './directory-listing.js';
import httpNotRedirected from './http-not-redirected.js';
import largeClientBody from './large-client-body.js';
import missingForwardedProto from './missing-forwarded-proto.js';
import missingHsts from './missing-hsts.js';
import missingSecurityHeaders from './missing-security-headers.js';
import obsoleteXssProtection from './obsolete-xss-protection.js';
import versionDisclosed from './version-disclosed.js';
import weakHsts from './weak-hsts.js';
import weakTlsCipher from './weak-tls-cipher.js';
import weakTlsProtocol from './weak-tls-protocol.js';

/** Rules of the `nginx` domain. */
export const rules: Rule<any>[] = [
  httpNotRedirected,
  weakTlsProtocol,
  weakTlsCipher,
  missingHsts,
  weakHsts,
  addHeaderDropped,
  missingSecurityHeaders,
  obsoleteXssProtection,
  versionDisclosed,
  missingForwardedProto,
  clientBodySizeUnset,
  largeClientBody,
  directoryListing,
  defaultSiteEnabled,
  aliasTraversal,
  brokenInclude,
  configTestFailed,
];
