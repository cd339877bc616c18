import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (Playwright's own browser download is not reachable here).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 2,
  // npm test asks for a JSON report too (CHARTDESK_PW_JSON) to print one closing count.
  reporter: [
    ['list'],
    ['./test/e2e/support/not-run-reporter.ts'],
    ...(process.env.CHARTDESK_PW_JSON ? [['json', { outputFile: process.env.CHARTDESK_PW_JSON }] as ['json', { outputFile: string }]] : []),
  ],
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.CHARTDESK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    },
    screenshot: 'only-on-failure',
  },
});
