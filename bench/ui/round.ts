/**
 * One round of the UI benchmark: a fresh browser-mode app with an empty data folder and a fresh
 * browser context (empty HTTP cache), then what a user does, each wait timed in the page: load,
 * add the big repo, type a chart's name, open it, open a version twice, Refresh (a 304).
 */
import type { Browser } from '@playwright/test';
import { startApp } from './app-launcher';
import type { ChartRepoServer } from './chart-repo-server';
import { loadTiming } from './measure';
import { installProbe } from './page-probe';
import type { UiPicks } from './picks';
import type { ProbeTiming } from './probe-types';
import { addRepo, backToChart, openChart, openVersion, pasteRepoUrl, refreshIndex, setSearch, typeSearch } from './user-steps';

/** The timings of one round, by figure. */
export interface RoundTimings {
  load: ProbeTiming;
  detect: ProbeTiming;
  add: ProbeTiming;
  keystrokes: ProbeTiming[];
  chart: ProbeTiming;
  versionFirst?: ProbeTiming;
  versionCached?: ProbeTiming;
  refresh: ProbeTiming;
}

/** Runs one round against `repo`; throws when the app does not show what a step waits for. */
export async function runRound(browser: Browser, root: string, repo: ChartRepoServer, picks: UiPicks): Promise<RoundTimings> {
  const app = await startApp(root);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    await page.goto(app.url);
    const load = await loadTiming(page);

    const detect = await pasteRepoUrl(page, repo.url, 'Bench');
    const add = await addRepo(page);

    const { chart } = picks.manyVersions;
    const keystrokes = await typeSearch(page, chart);
    const chartShown = await openChart(page, chart);

    const cached: Pick<RoundTimings, 'versionFirst' | 'versionCached'> = {};
    const { servable } = picks;
    if (servable) {
      if (servable.chart !== chart) {
        await setSearch(page, servable.chart);
        await openChart(page, servable.chart);
      }
      cached.versionFirst = await openVersion(page, servable.version);
      await backToChart(page, servable.chart);
      cached.versionCached = await openVersion(page, servable.version);
    }

    await setSearch(page, '');
    const before = repo.counts().index304;
    const refresh = await refreshIndex(page);
    if (repo.counts().index304 !== before + 1) throw new Error(`Refresh: the repo answered ${repo.counts().index304 - before} requests with 304 (one expected): did the app send If-None-Match?`);
    return { load, detect, add, keystrokes, chart: chartShown, ...cached, refresh };
  } finally {
    await context.close();
    await app.stop();
  }
}
