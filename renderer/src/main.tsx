import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The stylesheets first, base styles leading, so the feature styles build on them.
import './stylesheets';
import { App } from './App';
import { nextToPrefetch } from './lazy/lazyView';
import { prefetchWhenIdle } from './lazy/prefetchWhenIdle';
import { applyRememberedTheme } from './theme';

applyRememberedTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The views off the first screen are chunks of their own: fetch them while the window is idle, so opening one does not wait.
prefetchWhenIdle(nextToPrefetch);
