/**
 * Chart version parsing and ordering as Helm does it (Masterminds/semver v3, NewVersion in its
 * default "coerce" mode): a leading `v`, one to three numeric segments with leading zeros allowed
 * (`6.5.012` is 6.5.12, `13.0` is 13.0.0), then an optional prerelease and build metadata.
 */

/** A parsed chart version; segments are digit strings without leading zeros (they may exceed 2^53). */
export interface ChartSemver {
  major: string;
  minor: string;
  patch: string;
  /** Prerelease identifiers (after `-`), empty when none. */
  prerelease: string[];
}

const MAX_VERSION_LENGTH = 256;
const MAX_UINT64 = '18446744073709551615';

const NO_PRERELEASE: string[] = [];

/** Parses a version the way Helm's semver library does, or returns null when Helm could not. */
export function parseChartSemver(text: string): ChartSemver | null {
  const n = text.length;
  if (n === 0 || n > MAX_VERSION_LENGTH) return null;
  let i = text.charCodeAt(0) === 0x76 /* v */ ? 1 : 0;
  const numbers = ['0', '0', '0'];
  let count = 0;
  for (;;) {
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      i++;
    }
    if (i === start || count === 3) return null;
    const digits = numberText(text, start, i);
    if (digits === null) return null;
    numbers[count++] = digits;
    if (i === n) return { major: numbers[0] as string, minor: numbers[1] as string, patch: numbers[2] as string, prerelease: NO_PRERELEASE };
    const c = text.charCodeAt(i);
    if (c === 0x2e /* . */) i++;
    else if (c === 0x2d /* - */ || c === 0x2b /* + */) break;
    else return null;
  }
  let prerelease = NO_PRERELEASE;
  if (text.charCodeAt(i) === 0x2d) {
    const plus = text.indexOf('+', i);
    const end = plus < 0 ? n : plus;
    if (!validIdentifiers(text, i + 1, end)) return null;
    prerelease = text.slice(i + 1, end).split('.');
    // Numeric prerelease identifiers must not have a leading zero.
    for (const part of prerelease) if (part.length > 1 && part.charCodeAt(0) === 0x30 && isDigits(part)) return null;
    i = end;
  }
  if (i < n && !validIdentifiers(text, i + 1, n)) return null; // build metadata after +
  return { major: numbers[0] as string, minor: numbers[1] as string, patch: numbers[2] as string, prerelease };
}

/** The digits text[start, end) without leading zeros, or null when larger than a uint64. */
function numberText(text: string, start: number, end: number): string | null {
  let k = start;
  while (k < end - 1 && text.charCodeAt(k) === 0x30) k++;
  const digits = k === start && end === text.length && start === 0 ? text : text.slice(k, end);
  return fitsUint64(digits) ? digits : null;
}

/** Compares two parsed versions: negative when a < b, 0 when equal (build metadata ignored). */
export function compareChartSemver(a: ChartSemver, b: ChartSemver): number {
  const byNumbers = compareDigits(a.major, b.major) || compareDigits(a.minor, b.minor) || compareDigits(a.patch, b.patch);
  if (byNumbers !== 0) return byNumbers;
  const pa = a.prerelease;
  const pb = b.prerelease;
  if (pa.length === 0 && pb.length === 0) return 0;
  if (pa.length === 0) return 1; // a release is newer than its pre-releases
  if (pb.length === 0) return -1;
  const longest = Math.max(pa.length, pb.length);
  for (let i = 0; i < longest; i++) {
    const d = comparePrereleasePart(pa[i] ?? '', pb[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** Newest-first order of two parsed versions; null (not semver) sorts last. Use with a stable sort. */
export function newestFirst(a: ChartSemver | null, b: ChartSemver | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareChartSemver(b, a);
}

/** Orders items newest first by version; versions Helm cannot parse go last, in their order. */
export function sortVersionsNewestFirst<T>(items: readonly T[], versionOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, semver: parseChartSemver(versionOf(item)) }));
  keyed.sort((x, y) => newestFirst(x.semver, y.semver));
  return keyed.map((entry) => entry.item);
}

function comparePrereleasePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sNum = isDigits(s) && fitsUint64(stripLeadingZeros(s));
  const oNum = isDigits(o) && fitsUint64(stripLeadingZeros(o));
  if (sNum && oNum) return compareDigits(stripLeadingZeros(s), stripLeadingZeros(o));
  if (sNum) return -1;
  if (oNum) return 1;
  return s > o ? 1 : -1;
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Dot-separated, non-empty identifiers of [0-9A-Za-z-] between from and to. */
function validIdentifiers(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  let partStart = from;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (i === partStart) return false;
      partStart = i + 1;
    } else if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d)) {
      return false;
    }
  }
  return true;
}

function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function stripLeadingZeros(digits: string): string {
  return numberText(digits, 0, digits.length) ?? digits;
}

function fitsUint64(digits: string): boolean {
  return digits.length < MAX_UINT64.length || (digits.length === MAX_UINT64.length && digits <= MAX_UINT64);
}
