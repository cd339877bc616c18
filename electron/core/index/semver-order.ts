/**
 * Ordering a chart's version list newest first without allocating per version: lists already in
 * order (as Helm writes them) are confirmed with one pass over the version facts, only the rest
 * are sorted. Same order as sortVersionsNewestFirst (Masterminds rules, stable).
 */
import { BIG, facts, INVALID, inspect, RELEASE } from './semver-facts';
import { newestFirst, parseChartSemver } from './semver-masterminds';

/** The result of ordering one chart's versions. */
export interface VersionOrder {
  /** Positions into the input, newest first. */
  order: number[];
  /** Position (in order) of the newest version that is valid and not a prerelease, or 0. */
  latest: number;
  /** True when two versions compare equal (duplicates are possible). */
  hasTies: boolean;
}

/** Orders versions newest first (invalid ones last, ties in input order). */
export function orderVersions(versions: readonly string[]): VersionOrder {
  const n = versions.length;
  facts.ensure(n);
  let big = false;
  for (let i = 0; i < n; i++) {
    facts.status[i] = inspect(versions[i] as string, i);
    if (facts.status[i] === BIG) big = true;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  let sorted = !big;
  let hasTies = false;
  for (let i = 1; i < n && sorted; i++) {
    const d = compareFacts(i - 1, i, versions);
    if (d < 0) sorted = false;
    else if (d === 0) hasTies = true;
  }
  if (!sorted) {
    const parsed = versions.map((v) => parseChartSemver(v));
    order.sort((a, b) => newestFirst(parsed[a] ?? null, parsed[b] ?? null));
    hasTies = false;
    for (let i = 1; i < n; i++) if (newestFirst(parsed[order[i - 1] as number] ?? null, parsed[order[i] as number] ?? null) === 0) hasTies = true;
  }
  let latest = 0;
  for (let i = 0; i < n; i++) {
    const status = facts.status[order[i] as number];
    if (status === RELEASE || (status === BIG && parseChartSemver(versions[order[i] as number] as string)?.prerelease.length === 0)) {
      latest = i;
      break;
    }
  }
  return { order, latest, hasTies };
}

/** Newest-first comparison of versions i and j: positive or 0 when i may stay before j. */
function compareFacts(i: number, j: number, versions: readonly string[]): number {
  const si = facts.status[i] as number;
  const sj = facts.status[j] as number;
  if (si === INVALID || sj === INVALID) return si === sj ? 0 : si === INVALID ? -1 : 1;
  const nums = facts.numbers;
  for (let k = 0; k < 3; k++) {
    const d = (nums[i * 3 + k] as number) - (nums[j * 3 + k] as number);
    if (d !== 0) return d;
  }
  if (si === RELEASE || sj === RELEASE) return si === sj ? 0 : si === RELEASE ? 1 : -1;
  return comparePrerelease(versions[i] as string, facts.preStart[i] as number, facts.preEnd[i] as number, versions[j] as string, facts.preStart[j] as number, facts.preEnd[j] as number);
}

/** Masterminds prerelease comparison, identifier by identifier, in place. */
function comparePrerelease(a: string, as: number, ae: number, b: string, bs: number, be: number): number {
  while (as < ae || bs < be) {
    const aEnd = partEnd(a, as, ae);
    const bEnd = partEnd(b, bs, be);
    const d = comparePart(a, as, aEnd, b, bs, bEnd);
    if (d !== 0) return d;
    as = aEnd + 1;
    bs = bEnd + 1;
  }
  return 0;
}

function partEnd(text: string, from: number, end: number): number {
  if (from >= end) return end;
  const dot = text.indexOf('.', from);
  return dot < 0 || dot > end ? end : dot;
}

function comparePart(a: string, as: number, ae: number, b: string, bs: number, be: number): number {
  const aLen = Math.max(0, ae - as);
  const bLen = Math.max(0, be - bs);
  if (aLen === 0 || bLen === 0) return aLen === bLen ? 0 : aLen === 0 ? -1 : 1;
  const x = a.slice(as, ae);
  const y = b.slice(bs, be);
  const xNum = isUint64(x);
  const yNum = isUint64(y);
  if (xNum && yNum) return x.length !== y.length ? x.length - y.length : x === y ? 0 : x > y ? 1 : -1;
  if (xNum !== yNum) return xNum ? -1 : 1; // numbers sort before alphanumerics
  return x === y ? 0 : x > y ? 1 : -1;
}

/** True for a digit string (no leading zero in valid prereleases) that fits a uint64. */
function isUint64(text: string): boolean {
  if (!allDigits(text, 0, text.length)) return false;
  return text.length < 20 || (text.length === 20 && text <= '18446744073709551615');
}

function allDigits(text: string, from: number, end: number): boolean {
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

