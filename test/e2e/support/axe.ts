/**
 * Runs the axe-core accessibility rules (the npm package's own bundle, injected into the page) on
 * what the page shows, in the light and the dark theme, and fails with every violation named.
 * The app's Content-Security-Policy forbids injected scripts: specs that use this set bypassCSP.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE = path.join(path.dirname(require.resolve('axe-core/package.json')), 'axe.min.js');

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** One line per violation: rule, impact, what it asks, and the first elements that break it. */
function describe(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ''}`);
}

/** Asserts that axe finds no violation on the page as it is, in both themes (`screen` names it in the failure). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    // Let transitions settle so colours are measured as the user sees them.
    await page.waitForTimeout(250);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
    });
    expect(describe(violations), `axe violations on ${screen} (${scheme} theme)`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
}
