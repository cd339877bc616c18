/** The parts of the Charts tab loaded on demand: what a chart leads to (version, README, values diff) and its dialogs. */
import { lazyView } from '../../lazy/lazyView';

/** One chart version (lazy VersionView). */
export const VersionView = lazyView(() => import('./VersionView').then((m) => m.VersionView), 'next');
/** A README as Markdown (lazy ReadmeView: react-markdown and remark-gfm). */
export const ReadmeView = lazyView(() => import('./ReadmeView').then((m) => m.ReadmeView), 'next');
/** The values diff of two versions (lazy ValuesDiffView). */
export const ValuesDiffView = lazyView(() => import('./ValuesDiffView').then((m) => m.ValuesDiffView), 'next');
/** Sign / overwrite / failure dialogs of a push (lazy PushDialogs). */
export const PushDialogs = lazyView(() => import('./PushDialogs').then((m) => m.PushDialogs));
/** "Add chart" for a registry found by name (lazy AddChartDialog). */
export const AddChartDialog = lazyView(() => import('./AddChartDialog').then((m) => m.AddChartDialog));
/** "Delete version?" (lazy DeleteVersionDialog). */
export const DeleteVersionDialog = lazyView(() => import('./DeleteVersionDialog').then((m) => m.DeleteVersionDialog));
