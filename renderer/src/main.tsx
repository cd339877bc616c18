import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The base styles first, so feature styles imported by the components build on them.
import './styles.css';
import { App } from './App';
import { applyRememberedTheme } from './theme';

applyRememberedTheme();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
