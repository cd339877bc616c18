#!/usr/bin/env node
// `docker-credential-chartdesk`: ChartDesk's Docker credential helper (built by `npm install` / `npm run build:node`).
const path = require('node:path');
const fs = require('node:fs');
const helper = path.join(__dirname, '..', 'dist', 'credential-helper.cjs');
if (!fs.existsSync(helper)) {
  process.stdout.write('ChartDesk is not built yet: run `npm install` (or `npm run build:node`) in the ChartDesk folder.\n');
  process.exit(1);
}
require(helper);
