/**
 * Every stylesheet of the renderer, in cascade order: at equal specificity a later one wins. The
 * components import their own CSS too, but lazy chunks would move a stylesheet to wherever its
 * first importer lands; importing them all here, first thing, keeps the order of this list (the
 * one the window has always had), and vite.config.ts builds them into one file loaded up front.
 * A new stylesheet goes here as well.
 */
import './styles.css';
import './components/components.css';
import './lazy/lazy.css';
import './features/repos/banners.css';
import './features/search/search.css';
import './features/repos/sidebar.css';
import './components/trace.css';
import './features/auth/connection.css';
import './features/provenance/provenance.css';
import './features/charts/charts.css';
import './features/charts/chart-detail.css';
import './features/charts/chart-diff.css';
import './features/charts/readme.css';
import './features/tokens/tokens.css';
import './features/repos/workspace.css';
import './features/settings/settings.css';
import './features/repos/repo-dialog.css';
import './layout/layout.css';
