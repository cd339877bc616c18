#!/usr/bin/env node
// The `chartdesk` command: runs the bundled CLI (built by `npm install` / `npm run build:node`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('chartdesk: the CLI is not built yet. Run `npm install` (or `npm run build:node`) in the ChartDesk folder.\n');
  process.exit(1);
}
require(cli);
