/** ChartDesk's version, injected at build time by the bundler; "0.0.0-dev" when run from source. */
declare const __CHARTDESK_VERSION__: string | undefined;

/** The running ChartDesk version. */
export const CHARTDESK_VERSION: string = typeof __CHARTDESK_VERSION__ === 'string' ? __CHARTDESK_VERSION__ : '0.0.0-dev';
