/** Environment settings that mean "development" (shared by docker/debug-enabled and compose/debug-enabled). */
import { DANGEROUS_SWITCHES, DEBUG_KEYS, DEV_ENV_VALUES, ENV_NAME_KEYS, parseBoolean } from './values.js';
import type { Localized } from '../contracts/types.js';

/** Why `key=value` turns on development behaviour, or undefined. */
export function debugSetting(key: string, value: string): Localized | undefined {
  const k = key.toUpperCase();
  const v = value.trim();
  if (DEBUG_KEYS.has(k) && parseBoolean(v) === true) {
    return { en: `${key}=${v} turns on debug mode (detailed error pages with source and settings, and for Werkzeug an interactive debugger that runs code)`, ja: `${key}=${v} はデバッグモードを有効にします（ソースや設定を含む詳細なエラーページ、Werkzeug では任意のコードを実行できる対話型デバッガー）` };
  }
  if (ENV_NAME_KEYS.has(k) && DEV_ENV_VALUES.has(v.toLowerCase())) {
    return { en: `${key}=${v} runs the application in its ${v} configuration`, ja: `${key}=${v} はアプリケーションを ${v} 用の設定で動かします` };
  }
  const danger = DANGEROUS_SWITCHES[k];
  if (danger && parseBoolean(v) === true) return { en: `${key}=${v} ${danger.en}`, ja: `${key}=${v} は${danger.ja}` };
  if (k === 'NODE_TLS_REJECT_UNAUTHORIZED' && v === '0') {
    return { en: `${key}=0 turns off TLS certificate verification for every outgoing connection`, ja: `${key}=0 はすべての外向き接続で TLS 証明書の検証を無効にします` };
  }
  return undefined;
}
