/**
 * Package versions: Debian's ordering (deb-version(7): epoch, upstream, revision; `~` sorts before
 * everything), used for dpkg and apk versions alike, and a plain dotted comparison for floors
 * ("python3 ≥ 3.9").
 */

function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === '~') return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function compareFragment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let diff = 0;
    while ((i < a.length && !/\d/.test(a[i]!)) || (j < b.length && !/\d/.test(b[j]!))) {
      const ac = i < a.length && !/\d/.test(a[i]!) ? a[i] : undefined;
      const bc = j < b.length && !/\d/.test(b[j]!) ? b[j] : undefined;
      const oa = ac === undefined ? 0 : order(ac);
      const ob = bc === undefined ? 0 : order(bc);
      if (oa !== ob) return oa - ob;
      if (ac !== undefined) i++;
      if (bc !== undefined) j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    while (i < a.length && /\d/.test(a[i]!) && j < b.length && /\d/.test(b[j]!)) {
      if (!diff) diff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (i < a.length && /\d/.test(a[i]!)) return 1;
    if (j < b.length && /\d/.test(b[j]!)) return -1;
    if (diff) return diff;
  }
  return 0;
}

function split(v: string): [number, string, string] {
  let epoch = 0;
  let rest = v.trim();
  const colon = rest.indexOf(':');
  if (colon > 0 && /^\d+$/.test(rest.slice(0, colon))) {
    epoch = Number(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ''];
}

/** Negative when a < b, 0 when equal, positive when a > b (Debian ordering). */
export function compareDebian(a: string, b: string): number {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return ea - eb;
  return compareFragment(ua, ub) || compareFragment(ra, rb);
}

/** The upstream `major.minor[.patch]` of a package version (`1:3.11.2-1+b1` → [3, 11, 2]). */
export function upstreamNumbers(v: string): number[] {
  const [, up] = split(v);
  const m = /^(\d+(?:\.\d+)*)/.exec(up);
  return m ? m[1]!.split('.').map(Number) : [];
}

/** Is `version` (a package version) at least `floor` (`3.9`)? Undefined when not comparable. */
export function atLeast(version: string, floor: string): boolean | undefined {
  const a = upstreamNumbers(version);
  const b = floor.split('.').map(Number);
  if (!a.length || b.some((n) => Number.isNaN(n))) return undefined;
  for (let i = 0; i < b.length; i++) {
    const x = a[i] ?? 0;
    if (x !== b[i]) return x > b[i]!;
  }
  return true;
}

/** apk suffixes (apk-tools version.c): pre-releases sort before the release, post-releases after. */
const APK_SUFFIX: Record<string, number> = { alpha: -4, beta: -3, pre: -2, rc: -1, cvs: 1, svn: 2, git: 3, hg: 4, p: 5 };

function apkParts(v: string): { nums: number[]; letter: string; suffixes: [number, number][]; rel: number } {
  const m = /^(.*?)(?:-r(\d+))?$/.exec(v.trim())!;
  let rest = m[1] ?? '';
  const rel = Number(m[2] ?? 0);
  const suffixes: [number, number][] = [];
  const us = rest.indexOf('_');
  if (us >= 0) {
    for (const s of rest.slice(us + 1).split('_')) {
      const sm = /^([a-z]+)(\d*)$/.exec(s);
      if (sm) suffixes.push([APK_SUFFIX[sm[1]!] ?? 0, Number(sm[2] || 0)]);
    }
    rest = rest.slice(0, us);
  }
  const lm = /^([\d.]*?)([a-z]?)$/.exec(rest);
  const nums = (lm ? lm[1]! : rest).split('.').filter(Boolean).map((x) => Number(x));
  return { nums, letter: lm?.[2] ?? '', suffixes, rel };
}

/** Negative when a < b (Alpine's apk ordering: 1.2.3_rc1 < 1.2.3 < 1.2.3a < 1.2.3_p1, then -rN). */
export function compareApk(a: string, b: string): number {
  const x = apkParts(a);
  const y = apkParts(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? -1) - (y.nums[i] ?? -1);
    if (d) return d;
  }
  if (x.letter !== y.letter) return x.letter < y.letter ? -1 : 1;
  for (let i = 0; i < Math.max(x.suffixes.length, y.suffixes.length); i++) {
    const [sa, na] = x.suffixes[i] ?? [0, 0];
    const [sb, nb] = y.suffixes[i] ?? [0, 0];
    if (sa !== sb) return sa - sb;
    if (na !== nb) return na - nb;
  }
  return x.rel - y.rel;
}
