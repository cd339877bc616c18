/**
 * The timing probe that runs inside the page (installed with addInitScript, before the app's own
 * scripts). A measurement starts at the user's input event (its timeStamp, or navigation start for
 * the app load) and ends when a DOM condition holds: checked on every mutation and every animation
 * frame; then one more frame is awaited and a task after it, so the figure covers painting the result.
 * installProbe is serialized into the page: it must not use anything from outside its own body.
 */
import type { PageProbe, ProbeCondition, ProbeTiming } from './probe-types';

/** Defines window.__chartdeskBench and arms the app-load measurement from navigation start. */
export function installProbe(): void {
  if (window !== window.top) return;
  const TIMEOUT_MS = 120_000;
  type Check = (frames: number) => boolean | string;
  const q = <E extends Element = HTMLElement>(selector: string, root: ParentNode = document): E | null => root.querySelector<E>(selector);
  const shown = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const problem = (selector: string): string | false => {
    const el = q(selector);
    return el ? `${selector} shows: ${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)}` : false;
  };
  const searchBusy = (): boolean => q('.chart-list-pane .chart-search.busy') !== null;
  const hasRows = (): boolean => q('[data-testid="chart-list"] [data-testid="chart-row"]') !== null;

  const conditions: Record<ProbeCondition, (arg: string) => Check> = {
    'app-ready': () => () => {
      const nav = q('nav[aria-label="Repositories"]');
      const add = nav && Array.from(nav.querySelectorAll('button')).find((b) => b.textContent?.trim() === '+ Add');
      return !!nav && !!add && !add.disabled && q('[data-testid="repos-empty"], [data-testid="repo-item"]', nav) !== null && shown(add);
    },
    detected: () => () => q('[data-testid="url-detection"][data-status="ready"]') !== null || problem('[data-testid="url-detection"][data-status="error"]'),
    'first-row': () => () => hasRows() || problem('[data-testid="index-error"]'),
    // The search box shows `busy` while a query is answered; an answer within the keystroke's own task never shows it.
    'search-settled': (query) => {
      let sawBusy = false;
      return (frames) => {
        const input = q<HTMLInputElement>('[data-testid="chart-search"]');
        if (searchBusy()) sawBusy = true;
        return !!input && input.value === query && !searchBusy() && (sawBusy || frames >= 2);
      };
    },
    'chart-shown': (name) => () => q('[data-testid="chart-view"] #chart-view-title')?.firstChild?.textContent === name && q('[data-testid="chart-view"] [data-testid="versions-table"] [data-testid="version-row"]') !== null,
    'version-shown': (version) => () => {
      const view = q('[data-testid="version-view"]');
      if (!view || !(q('#version-view-title', view)?.textContent ?? '').includes(version)) return false;
      return problem('[data-testid="version-view"] [data-testid="version-error"]') || q('[data-testid="digest-status"]', view) !== null;
    },
    // Refresh disables its button while the index is asked for again; done when it is back and the list stands.
    refreshed: () => {
      let sawLoading = false;
      return (frames) => {
        const button = q<HTMLButtonElement>('[data-testid="index-refresh"]');
        if (!button) return false;
        if (button.disabled) {
          sawLoading = true;
          return false;
        }
        if (!sawLoading && frames < 2) return false;
        return problem('[data-testid="index-error"]') || problem('[data-testid="index-offline"]') || (!searchBusy() && hasRows());
      };
    },
  };

  const watch = (check: Check, t0: number): Promise<ProbeTiming> =>
    new Promise((resolve) => {
      let frames = 0;
      let done = false;
      const finish = (outcome: true | string) => {
        done = true;
        observer.disconnect();
        clearTimeout(timer);
        const domMs = performance.now() - t0;
        if (outcome !== true) return resolve({ domMs, paintMs: NaN, error: outcome });
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ domMs, paintMs: performance.now() - t0 });
          channel.port2.postMessage(null);
        });
      };
      const test = () => {
        if (done) return;
        const outcome = check(frames);
        if (outcome !== false) finish(outcome);
      };
      const observer = new MutationObserver(test);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const tick = () => {
        if (done) return;
        frames++;
        test();
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const timer = setTimeout(() => !done && finish(`timed out after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
      test();
    });

  let pending: Promise<ProbeTiming> = Promise.resolve({ domMs: NaN, paintMs: NaN, error: 'nothing was measured' });
  const probe: PageProbe = {
    arm(condition, arg, start) {
      const check = conditions[condition](arg);
      if (start.event === 'navigation') {
        pending = watch(check, 0);
        return;
      }
      pending = new Promise((resolve) => {
        const listener = (event: Event) => {
          if (!(event.target instanceof Element) || !event.target.closest(start.selector ?? '*')) return;
          document.removeEventListener(start.event, listener, true);
          const now = performance.now();
          resolve(watch(check, event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now));
        };
        document.addEventListener(start.event, listener, true);
      });
    },
    result: () => pending,
  };
  window.__chartdeskBench = probe;
  probe.arm('app-ready', '', { event: 'navigation' });
}
