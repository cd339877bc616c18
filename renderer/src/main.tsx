// The entry: small on purpose. It starts the calls the first screen waits for, then loads React and
// the app (a chunk of their own), so those answers are on their way while that code downloads and runs.
// The stylesheets first, base styles leading, so the feature styles build on them.
import './stylesheets';
import { startFirstCalls } from './api/firstCalls';
import { dropLaunchToken } from './api/launchToken';
import { applyRememberedTheme } from './theme';

applyRememberedTheme();
startFirstCalls();
// Rewriting the address bar costs the main thread a few ms: after the first frame, not before it.
requestAnimationFrame(() => setTimeout(dropLaunchToken, 0));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
import('./start-app').then(
  ({ startApp }) => startApp(container),
  (error: unknown) => {
    // Nothing of the app could run: say so in plain DOM (the server went away, or ChartDesk was rebuilt meanwhile).
    const message = document.createElement('p');
    message.className = 'boot-failure';
    message.setAttribute('role', 'alert');
    message.textContent = `ChartDesk's code did not load (${error instanceof Error ? error.message : String(error)}). Reload the window.`;
    container.replaceChildren(message);
  },
);
