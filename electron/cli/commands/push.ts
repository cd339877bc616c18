/** `chartdesk push <repo|url> <file.tgz> [--force]`: uploads a chart package through ChartMuseum's API. */
import { promises as fs } from 'node:fs';
import { MAX_PUSH_BYTES } from '../../contract/packages';
import { ChartDeskError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { CHART_NETWORK_OPTIONS, CHART_NETWORK_USAGE, openChartTarget } from '../chart-cli';
import type { CliServices } from '../services';
import { parseCommandArgs } from '../url-repo';

const USAGE = `Usage: chartdesk push <repo|url> <file.tgz> [--force]

Uploads a chart package with a pull,push token: to a ChartMuseum repo (POST /api/.../charts), or
to an OCI registry namespace (oci://host/ns) exactly as \`helm push\` does (blobs, config and a
manifest with Helm's media types, tagged with the version). A file.tgz.prov beside the package
is pushed with it (ChartMuseum's prov field, the OCI provenance layer).
The package is read first: a broken or unsafe chart is refused before anything is sent.

Options:
  --force               Replace the version if the repo already has it (a registry: move its tag)
${CHART_NETWORK_USAGE}
`;

/** Reads the package file, refusing a missing or oversized one before any network work. */
async function readPackage(file: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new ChartDeskError('not-found', 'read-file', `There is no file at ${file}.`);
  if (stat.size > MAX_PUSH_BYTES) throw new ChartDeskError('too-large', 'read-file', `${file} is larger than ${MAX_PUSH_BYTES / (1024 * 1024)} MB.`);
  return fs.readFile(file);
}

/** The push command over the CLI's services. */
export function pushCommand(services: CliServices): CliCommand {
  return {
    name: 'push',
    summary: 'Upload a chart package (.tgz) to a ChartMuseum repo or an OCI registry',
    usage: USAGE,
    async run(io) {
      const { values, positionals } = parseCommandArgs(io.argv, { ...CHART_NETWORK_OPTIONS, force: { type: 'boolean', default: false } });
      const [repoArg, file, ...extra] = positionals;
      if (!repoArg || !file || extra.length) throw new UsageError('push needs a repo (name or URL) and one .tgz file');
      const bytes = await readPackage(file);
      const prov = await fs.readFile(`${file}.prov`).catch(() => undefined);
      try {
        const { target, source } = await openChartTarget(services, io.env, repoArg, values);
        const result = await source.push(bytes, { force: values.force === true, ...(prov ? { prov } : {}) });
        io.stdout(`Pushed ${result.name} ${result.version} to ${target.label}${prov ? ' with its provenance file' : ''}${result.forced ? ' (replacing it if it was there)' : ''}.\n`);
        return 0;
      } finally {
        await services.close();
      }
    },
  };
}
