/**
 * The UI part of `npm run bench`: ChartDesk's browser mode driven in Debian's Chromium against a
 * loopback chart repo serving the generated index and real packages. See bench/README.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BenchInput } from '../inputs';
import { CHROMIUM, ensureRenderer, launchChromium } from './app-launcher';
import { startChartRepo } from './chart-repo-server';
import { pickCharts } from './picks';
import { runRound, type RoundTimings } from './round';
import { uiFigures, type UiResult } from './ui-report';

/** Runs `rounds` rounds (at least 3) on `input`; undefined (with the reason on stderr) when Chromium is missing. */
export async function runUiBench(input: BenchInput, rounds: number, sharedData: string): Promise<UiResult | undefined> {
  const root = path.resolve(__dirname, '..');
  if (!input.jsonFile) throw new Error(`UI part: ${input.name} has no JSON form (it does not parse)`);
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`bench: UI part skipped: ${CHROMIUM} is missing (apt-get install chromium).\n`);
    return undefined;
  }
  const picks = pickCharts(input.jsonFile, path.join(sharedData, 'charts'));
  ensureRenderer(root);
  const browser = await launchChromium();
  const packages = new Map(picks.servable ? [[picks.servable.relativeUrl, picks.servable.file]] : []);
  const repo = await startChartRepo(input.file, packages);
  try {
    const timings: RoundTimings[] = [];
    const count = Math.max(3, rounds);
    for (let r = 0; r < count; r++) {
      process.stderr.write(`bench: UI round ${r + 1} of ${count}…\n`);
      timings.push(await runRound(browser, root, repo, picks));
    }
    return { chromium: browser.version(), indexBytes: input.bytes, rounds: count, picks, figures: uiFigures(timings, picks, input.bytes) };
  } finally {
    await repo.close();
    await browser.close();
  }
}
