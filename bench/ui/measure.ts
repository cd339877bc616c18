/** The Node side of the page probe: arm it, do what the user does, read what it measured. */
import type { Page } from '@playwright/test';
import type { ProbeCondition, ProbeStart, ProbeTiming } from './probe-types';

/** The probe's answer; throws with what the page showed when it ended in an error. */
async function read(page: Page, what: string): Promise<ProbeTiming> {
  const timing = await page.evaluate(() => {
    const probe = window.__chartdeskBench;
    return probe ? probe.result() : { domMs: NaN, paintMs: NaN, error: 'the probe is not installed' };
  });
  if (timing.error !== undefined) throw new Error(`${what}: ${timing.error}`);
  return timing;
}

/** The app load, armed by the probe itself at navigation start. */
export function loadTiming(page: Page): Promise<ProbeTiming> {
  return read(page, 'app load');
}

/** Arms `condition` to start at the user's `start` event, runs `act` (the user's input) and waits for the condition. */
export async function measure(page: Page, what: string, condition: ProbeCondition, arg: string, start: ProbeStart, act: () => Promise<void>): Promise<ProbeTiming> {
  await page.evaluate(([c, a, s]) => window.__chartdeskBench?.arm(c, a, s), [condition, arg, start] as const);
  await act();
  return read(page, what);
}
