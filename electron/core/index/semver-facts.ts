/**
 * Version facts without allocation: each version of a chart is validated once (Masterminds coerce
 * rules) into typed arrays holding its numbers (as doubles), its prerelease range and its status.
 */
import { parseChartSemver } from './semver-masterminds';

/** Not a version Helm can parse. */
export const INVALID = 0;
/** Valid, without prerelease. */
export const RELEASE = 1;
/** Valid, with a prerelease. */
export const PRERELEASE = 2;
/** Valid, but a number too long for a double: compared with the allocating parser instead. */
export const BIG = 3;

/** Per-version facts of one chart, reused across charts. */
export class VersionFacts {
  status = new Uint8Array(64);
  numbers = new Float64Array(192);
  preStart = new Int32Array(64);
  preEnd = new Int32Array(64);

  ensure(n: number): void {
    if (n <= this.status.length) return;
    const size = Math.max(n, this.status.length * 2);
    this.status = new Uint8Array(size);
    this.numbers = new Float64Array(size * 3);
    this.preStart = new Int32Array(size);
    this.preEnd = new Int32Array(size);
  }
}

/** The shared facts store (one chart is ordered at a time). */
export const facts = new VersionFacts();

/** Validates a version (Masterminds coerce rules) and records its numbers and prerelease range. */
export function inspect(text: string, slot: number): number {
  const n = text.length;
  if (n === 0 || n > 256) return INVALID;
  let i = text.charCodeAt(0) === 0x76 ? 1 : 0;
  const nums = facts.numbers;
  nums[slot * 3] = 0;
  nums[slot * 3 + 1] = 0;
  nums[slot * 3 + 2] = 0;
  let status = RELEASE;
  for (let count = 0; ; count++) {
    const start = i;
    let value = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
      i++;
    }
    if (i === start || count === 3) return INVALID;
    if (value > Number.MAX_SAFE_INTEGER) status = BIG;
    nums[slot * 3 + count] = value;
    if (i === n) return status;
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2b) break;
    if (c !== 0x2e) return INVALID;
    i++;
  }
  if (status === BIG) return parseChartSemver(text) === null ? INVALID : BIG;
  if (text.charCodeAt(i) === 0x2d) {
    const plus = text.indexOf('+', i);
    const end = plus < 0 ? n : plus;
    if (!identifiers(text, i + 1, end, true)) return INVALID;
    facts.preStart[slot] = i + 1;
    facts.preEnd[slot] = end;
    status = PRERELEASE;
    i = end;
  }
  if (i < n && !identifiers(text, i + 1, n, false)) return INVALID;
  return status;
}

/** Dot-separated non-empty identifiers of [0-9A-Za-z-]; numeric prerelease ones without leading zero. */
function identifiers(text: string, from: number, to: number, prerelease: boolean): boolean {
  if (from >= to) return false;
  let partStart = from;
  let numeric = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (i === partStart) return false;
      if (prerelease && numeric && i - partStart > 1 && text.charCodeAt(partStart) === 0x30) return false;
      partStart = i + 1;
      numeric = true;
    } else if (c >= 0x30 && c <= 0x39) {
      continue;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d) {
      numeric = false;
    } else {
      return false;
    }
  }
  return true;
}
