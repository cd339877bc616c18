import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { nextToPrefetch } from './lazy/lazyView';
import { prefetchWhenIdle } from './lazy/prefetchWhenIdle';

/** Draws the app into `container`, then fetches the views off the first screen while the window is idle. */
export function startApp(container: HTMLElement): void {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The views off the first screen are chunks of their own: fetch them while the window is idle, so opening one does not wait.
  prefetchWhenIdle(nextToPrefetch);
}
