/** `chartdesk pull <repo|url> <chart> [--version V] [-d DIR]`: downloads a chart package, verified against the index. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isSafeChartName } from '../../core/charts/chart-metadata';
import { shortDigest } from '../../core/charts/digest';
import { writeFileAtomic } from '../../core/store/atomic-write';
import { ChartDeskError } from '../../core/errors';
import { UsageError, type CliCommand } from '../command';
import { CHART_NETWORK_OPTIONS, CHART_NETWORK_USAGE, openChartTarget } from '../chart-cli';
import type { CliServices } from '../services';
import { parseCommandArgs } from '../url-repo';

const USAGE = `Usage: chartdesk pull <repo|url> <chart> [--version V] [-d DIR]
       chartdesk pull oci://host/namespace/chart [--version V] [-d DIR]

Downloads a chart package and checks its sha256 against the repo index (or, from an OCI
registry, against the digest of its chart layer); a package that does not match is not written.
Saves <chart>-<version>.tgz (written atomically) in DIR. Charts an index lists at oci:// URLs
are pulled from their registry, with the stored OCI repo's credentials when one covers it.

Options:
  --version V           The version to pull (default: the latest stable version)
  -d, --destination DIR Folder to save into (default: the current folder; created if missing)
${CHART_NETWORK_USAGE}
`;

const SAFE_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,127}$/;

/** The file name for a pulled package; refuses names that would escape the folder. */
export function packageFileName(name: string, version: string): string {
  if (!isSafeChartName(name) || !SAFE_VERSION.test(version)) {
    throw new ChartDeskError('index-invalid', 'pull', 'The index gives this chart a name or version that is not safe as a file name.');
  }
  return `${name}-${version}.tgz`;
}

/** The pull command over the CLI's services. */
export function pullCommand(services: CliServices): CliCommand {
  return {
    name: 'pull',
    summary: 'Download a chart package (.tgz), verified against the index or registry digest',
    usage: USAGE,
    async run(io) {
      const { values, positionals } = parseCommandArgs(io.argv, {
        ...CHART_NETWORK_OPTIONS,
        version: { type: 'string' },
        destination: { type: 'string', short: 'd', default: '.' },
      });
      const [repoArg, chartArg, ...extra] = positionals;
      const reference = repoArg !== undefined && chartArg === undefined && /^oci:\/\//i.test(repoArg);
      if (!repoArg || (!chartArg && !reference) || extra.length) throw new UsageError('pull needs a repo (name or URL) and a chart name, or one oci://host/namespace/chart reference');
      try {
        const { target, source } = await openChartTarget(services, io.env, repoArg, values, { chartReference: reference });
        const chart = chartArg ?? target.chart?.name ?? '';
        const version = values.version ?? target.chart?.version;
        if (values.version && target.chart?.version && values.version !== target.chart.version) throw new UsageError(`the reference names version ${target.chart.version}, --version ${values.version}`);
        const located = await source.locate(chart, version);
        const file = path.join(values.destination ?? '.', packageFileName(located.name.split('/').pop() ?? located.name, located.version));
        const pkg = await source.fetchPackage(located);
        await mkdir(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, pkg.bytes, 0o644);
        const check = pkg.verified ? (located.url.startsWith('oci://') ? 'verified against its registry digest' : 'verified against the index') : 'NOT verified: the index gives no sha256 digest';
        io.stdout(`Saved ${file} (sha256 ${shortDigest(pkg.digest)}, ${check}).\n`);
        if (!pkg.verified) io.stderr(`chartdesk pull: warning: ${located.name} ${located.version} could not be verified.\n`);
        return 0;
      } finally {
        await services.close();
      }
    },
  };
}
