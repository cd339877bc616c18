/** The types the page probe (page-probe.ts) and its Node side (measure.ts) share. */

/** What the probe measured, in ms from the input: to the DOM showing the result, and to the frame after it. */
export interface ProbeTiming {
  domMs: number;
  paintMs: number;
  /** What the page showed instead (an error box, an offline copy), or why the wait ended. */
  error?: string;
}

/** How a measurement starts: navigation start, or the user's event on an element matching `selector`. */
export interface ProbeStart {
  event: 'navigation' | 'click' | 'keydown' | 'input';
  selector?: string;
}

/** The DOM conditions the probe waits for. */
export type ProbeCondition = 'app-ready' | 'detected' | 'first-row' | 'search-settled' | 'chart-shown' | 'version-shown' | 'refreshed';

/** The probe's page-side interface (window.__chartdeskBench). */
export interface PageProbe {
  arm(condition: ProbeCondition, arg: string, start: ProbeStart): void;
  result(): Promise<ProbeTiming>;
}

declare global {
  interface Window {
    __chartdeskBench?: PageProbe;
  }
}
