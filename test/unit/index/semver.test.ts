import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChartSemver, sortVersionsNewestFirst } from '../../../electron/core/index/semver-masterminds';
import { orderVersions } from '../../../electron/core/index/semver-order';

const order = (versions: string[]) => sortVersionsNewestFirst(versions, (v) => v);

describe('chart versions ordered as Helm orders them (Masterminds semver, coerce mode)', () => {
  it('accepts what Helm accepts: v prefix, one or two segments, leading zeros in numbers', () => {
    for (const ok of ['1.2.3', 'v1.2.3', '1.2', '13.0', '1', '6.5.012', '0.46.00', '1.0.0-rc.1+build.5', '2.0.0-weekly.314']) {
      expect(parseChartSemver(ok), ok).not.toBeNull();
    }
    expect(parseChartSemver('6.5.012')).toMatchObject({ major: '6', minor: '5', patch: '12' });
    expect(parseChartSemver('13.0')).toMatchObject({ major: '13', minor: '0', patch: '0', prerelease: [] });
  });

  it('rejects what Helm rejects', () => {
    for (const bad of ['', 'latest', '1.2.3.4', 'V1.2.3', '1..2', '1.2.3-', '1.2.3-rc..1', '1.2.3-rc.01', '1.2.3+', '1.2.3-r_c', 'x'.repeat(257), '18446744073709551616.0.0']) {
      expect(parseChartSemver(bad), bad).toBeNull();
    }
    expect(parseChartSemver('18446744073709551615.0.0')).not.toBeNull();
  });

  it('orders newest first, numerically (rc.10 after rc.9 means newer), leading zeros as numbers', () => {
    expect(order(['2.0.0-rc.9', '2.0.0-rc.10', '2.0.0', '2.0.0-rc.2', '1.9.9'])).toEqual(['2.0.0', '2.0.0-rc.10', '2.0.0-rc.9', '2.0.0-rc.2', '1.9.9']);
    expect(order(['6.5.007', '6.5.012', '6.5.010', '6.4.013'])).toEqual(['6.5.012', '6.5.010', '6.5.007', '6.4.013']);
    expect(order(['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-1', '1.0.0'])).toEqual(['1.0.0', '1.0.0-beta', '1.0.0-alpha.1', '1.0.0-alpha', '1.0.0-1']);
    expect(order(['10.0.0', '9.0.0', '100.0.0'])).toEqual(['100.0.0', '10.0.0', '9.0.0']);
    expect(order(['99999999999999999999.0.0', '18446744073709551615.0.0', '18446744073709551614.0.0'])).toEqual(['18446744073709551615.0.0', '18446744073709551614.0.0', '99999999999999999999.0.0']);
  });

  it('puts versions Helm cannot parse last, in their original order', () => {
    expect(order(['nightly', '1.0.0', 'latest', '2.0.0'])).toEqual(['2.0.0', '1.0.0', 'nightly', 'latest']);
  });

  it('keeps the original order of versions that compare equal (build metadata, 13.0 = 13.0.0)', () => {
    expect(order(['1.0.0+b', '1.0.0+a', '0.9.0'])).toEqual(['1.0.0+b', '1.0.0+a', '0.9.0']);
    expect(order(['13.0.0', '13.0', '13.0.1'])).toEqual(['13.0.1', '13.0.0', '13.0']);
  });
});

describe('the allocation-free ordering agrees with the reference ordering', () => {
  it('on random version lists', () => {
    const part = fc.oneof(fc.constantFrom('0', '1', '2', '9', '10', '007', '18446744073709551615', '18446744073709551616', '99999999999999999'), fc.nat({ max: 30 }).map(String));
    const pre = fc.oneof(fc.constantFrom('rc', 'alpha', 'beta', 'RC', 'a-b', '0', '01', '1', '10', '9', ''), fc.nat({ max: 12 }).map(String));
    const version = fc.oneof(
      fc.tuple(fc.constantFrom('', 'v'), fc.array(part, { minLength: 1, maxLength: 4 }), fc.array(pre, { maxLength: 3 }), fc.array(pre, { maxLength: 2 })).map(([v, nums, p, m]) => `${v}${nums.join('.')}${p.length ? `-${p.join('.')}` : ''}${m.length ? `+${m.join('.')}` : ''}`),
      fc.constantFrom('latest', '', 'v', '1.2.3-', '1..2', 'x1'),
    );
    fc.assert(
      fc.property(fc.array(version, { maxLength: 12 }), fc.boolean(), (list, presort) => {
        const input = presort ? order(list) : list;
        const { order: positions, latest } = orderVersions(input);
        const ours = positions.map((i) => input[i]);
        expect(ours).toEqual(order(input));
        const stable = ours.findIndex((v) => parseChartSemver(v as string)?.prerelease.length === 0);
        expect(latest).toBe(Math.max(0, stable));
      }),
      { numRuns: 2000 },
    );
  });
});
