/** `chartdesk pull <repo|url> <chart> [--version V] [-d DIR]` (or one oci:// chart reference): downloads a chart package, verified against the index or the registry. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isSafeChartName } from '../../core/charts/chart-metadata';
import { shortDigest } from '../../core/charts/digest';
import { writeFileAtomic } from '../../core/store/atomic-write';
import { ChartDeskError } from '../../core/errors';
import { checkChartProvenance } from '../../core/provenance/chart-provenance';
import { UsageError, type CommandRunner } from '../command';
import { safeLine } from '../terminal-text';
import { openChartTarget } from '../chart-cli';
import { keysOfFile, openProvenanceStores, printOutcome } from '../provenance-cli';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';

const SAFE_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,127}$/;

/** The file name for a pulled package; refuses names that would escape the folder. */
export function packageFileName(name: string, version: string): string {
  if (!isSafeChartName(name) || !SAFE_VERSION.test(version)) {
    throw new ChartDeskError('index-invalid', 'pull', 'The index gives this chart a name or version that is not safe as a file name.');
  }
  return `${name}-${version}.tgz`;
}

/** Runs `chartdesk pull` (help: help/charts.ts). */
export const runPull: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, {
    ...CHART_NETWORK_OPTIONS,
    version: { type: 'string' },
    destination: { type: 'string', short: 'd', default: '.' },
    verify: { type: 'boolean', default: false },
    keyring: { type: 'string' },
  });
  if (values.keyring && !values.verify) throw new UsageError('--keyring goes with --verify');
  const [repoArg, chartArg, ...extra] = positionals;
  const reference = repoArg !== undefined && chartArg === undefined && /^oci:\/\//i.test(repoArg);
  if (!repoArg || (!chartArg && !reference) || extra.length) throw new UsageError('pull needs a repo (name or URL) and a chart name, or one oci://host/namespace/chart reference');
  try {
    const { target, source } = await openChartTarget(services, io.env, repoArg, values, { chartReference: reference });
    const chart = chartArg ?? target.chart?.name ?? '';
    if (values.version && target.chart?.version && values.version !== target.chart.version) throw new UsageError(`the reference names version ${target.chart.version}, --version ${values.version}`);
    const located = await source.locate(chart, values.version ?? target.chart?.version);
    const file = path.join(values.destination ?? '.', packageFileName(located.name.split('/').pop() ?? located.name, located.version));
    let provenance: Buffer | undefined;
    let pkg;
    if (values.verify) {
      const stores = await openProvenanceStores(services, io.env);
      const keyring = values.keyring;
      const check = await checkChartProvenance({ source, keys: () => (keyring ? keysOfFile(keyring) : stores.keyring.publicKeys()), pins: async (id) => (target.oneOff ? [] : stores.trust.get(id)) }, located.name, located.version);
      if (printOutcome(io, 'pull', check.outcome) !== 0) {
        io.stderr(`chartdesk pull: nothing was written.\n`);
        return 1;
      }
      ({ pkg, provenance } = check);
    } else {
      pkg = await source.fetchPackage(located);
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, pkg.bytes, 0o644);
    if (provenance) await writeFileAtomic(`${file}.prov`, provenance, 0o644);
    const check = pkg.verified ? (located.url.startsWith('oci://') ? 'verified against its registry digest' : 'verified against the index') : 'NOT verified: the index gives no sha256 digest';
    io.stdout(`Saved ${safeLine(file)} (sha256 ${shortDigest(pkg.digest)}, ${check}).\n`);
    if (!pkg.verified) io.stderr(`chartdesk pull: warning: ${safeLine(`${located.name} ${located.version}`)} could not be verified.\n`);
    return 0;
  } finally {
    await services.close();
  }
};
