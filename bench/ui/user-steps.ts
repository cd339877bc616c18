/**
 * What a user does in the UI benchmark, through the roles, labels and test ids the browser tests use
 * (test/e2e/support/repo-ui.ts, test/e2e/charts*.spec.ts), each step timed by the page probe.
 */
import type { Page } from '@playwright/test';
import { measure } from './measure';
import type { ProbeTiming } from './probe-types';

const ADD_DIALOG = { name: 'Add a repository' } as const;

/** Opens the Add dialog, pastes the URL (timed to the detection panel's answer), then names the repo. */
export async function pasteRepoUrl(page: Page, url: string, name: string): Promise<ProbeTiming> {
  await page.getByRole('button', { name: '+ Add' }).click();
  const dialog = page.getByRole('dialog', ADD_DIALOG);
  const timing = await measure(page, 'the URL detection', 'detected', '', { event: 'input', selector: '#repo-form input' }, () => dialog.getByLabel('URL').fill(url));
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Authentication', { exact: true }).selectOption('none');
  return timing;
}

/** Clicks the dialog's Add repository button; the timing ends at the first chart row in the list. */
export function addRepo(page: Page): Promise<ProbeTiming> {
  const dialog = page.getByRole('dialog', ADD_DIALOG);
  return measure(page, 'Add repository', 'first-row', '', { event: 'click', selector: 'button[form="repo-form"][type="submit"]' }, () => dialog.getByRole('button', { name: 'Add repository' }).click());
}

/** Types `text` into the (focused, empty) chart search one key at a time; one timing per keystroke, each to its results. */
export async function typeSearch(page: Page, text: string): Promise<ProbeTiming[]> {
  await page.getByTestId('chart-search').click();
  const timings: ProbeTiming[] = [];
  for (let i = 1; i <= text.length; i++) {
    timings.push(await measure(page, `typing "${text.slice(0, i)}"`, 'search-settled', text.slice(0, i), { event: 'keydown', selector: '[data-testid="chart-search"]' }, () => page.keyboard.type(text.charAt(i - 1))));
  }
  return timings;
}

/** Sets the chart search to `text` at once and waits until its results are shown (not timed). */
export async function setSearch(page: Page, text: string): Promise<void> {
  await page.getByTestId('chart-search').fill(text);
  await page.waitForFunction((query) => (document.querySelector<HTMLInputElement>('[data-testid="chart-search"]')?.value ?? '') === query && !document.querySelector('.chart-list-pane .chart-search.busy'), text);
}

/** Clicks the chart's row in the list; the timing ends when its versions table is shown. */
export function openChart(page: Page, chart: string): Promise<ProbeTiming> {
  const row = `[data-testid="chart-row"][data-chart="${chart.replace(/["\\]/g, '\\$&')}"]`;
  return measure(page, `opening ${chart}`, 'chart-shown', chart, { event: 'click', selector: row }, () => page.getByTestId('chart-list').locator(row).click());
}

/** Clicks Open version in the chart's versions table (after Show all when needed); the timing ends when the version view shows it. */
export async function openVersion(page: Page, version: string): Promise<ProbeTiming> {
  const view = page.getByTestId('chart-view');
  const button = view.getByRole('button', { name: `Open version ${version}`, exact: true });
  if ((await button.count()) === 0) await view.getByRole('button', { name: /^Show all/ }).click();
  const label = `Open version ${version}`.replace(/["\\]/g, '\\$&');
  return measure(page, `opening version ${version}`, 'version-shown', version, { event: 'click', selector: `button[aria-label="${label}"]` }, () => button.click());
}

/** Goes back from a version to its chart (the ← button); the timing ends when the versions table is shown again. */
export function backToChart(page: Page, chart: string): Promise<ProbeTiming> {
  return measure(page, `back to ${chart}`, 'chart-shown', chart, { event: 'click', selector: '[data-testid="back-to-chart"]' }, () => page.getByTestId('back-to-chart').click());
}

/** Clicks Refresh above the list; the timing ends when the button is back and the list stands. */
export function refreshIndex(page: Page): Promise<ProbeTiming> {
  return measure(page, 'Refresh', 'refreshed', '', { event: 'click', selector: '[data-testid="index-refresh"]' }, () => page.getByTestId('index-refresh').click());
}
