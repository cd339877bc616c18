/** `chartdesk verify <repo|file.tgz> [chart] [--version V] [--keyring FILE] [--json]`: checks provenance as `helm verify` does. */
import path from 'node:path';
import { MAX_PUSH_BYTES } from '../../contract/packages';
import { readChartArchive } from '../../core/charts/chart-archive';
import { checkChartProvenance } from '../../core/provenance/chart-provenance';
import { ChartDeskError } from '../../core/errors';
import { MAX_PROV_BYTES, sizeWords } from '../../core/provenance/limits';
import type { ProvenanceOutcome } from '../../core/provenance/outcome';
import { parseProvenance } from '../../core/provenance/prov-message';
import { verifyProvenance } from '../../core/provenance/verify';
import { UsageError, type CommandRunner } from '../command';
import { openChartTarget } from '../chart-cli';
import { keysOfFile, openProvenanceStores, printOutcome, readCappedFile } from '../provenance-cli';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';

async function verifyLocal(file: string, keys: Parameters<typeof verifyProvenance>[0]['keys']): Promise<ProvenanceOutcome> {
  const bytes = await readCappedFile(file, MAX_PUSH_BYTES, 'chart package');
  const provFile = `${file}.prov`;
  const prov = await readCappedFile(provFile, MAX_PROV_BYTES, 'provenance file').catch((error: unknown) => {
    if (error instanceof ChartDeskError && (error.kind === 'not-found' || error.kind === 'too-large')) return error.kind;
    throw error;
  });
  if (prov === 'not-found') return { status: 'no-provenance', verified: false, summary: `There is no provenance file beside the package (${provFile}).` };
  if (prov === 'too-large') return { status: 'invalid-provenance', verified: false, summary: `The provenance file ${provFile} cannot be used: it is larger than ${sizeWords(MAX_PROV_BYTES)}, far more than a signed Chart.yaml needs.` };
  // Like helm verify, a damaged package is still hashed and compared: name it after what the .prov signed.
  const chart = await readChartArchive(bytes).then(
    ({ metadata }) => ({ name: metadata.name, version: metadata.version }),
    async () => (await parseProvenance(prov).catch(() => undefined))?.chart ?? {},
  );
  return verifyProvenance({ packageBytes: bytes, provenance: prov, chartName: chart.name ?? path.basename(file), chartVersion: chart.version ?? '', fileName: path.basename(file), keys });
}

/** Runs `chartdesk verify` (help: help/provenance.ts). */
export const runVerify: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...CHART_NETWORK_OPTIONS, version: { type: 'string' }, keyring: { type: 'string' }, json: { type: 'boolean', default: false } });
  const [target, chart, ...extra] = positionals;
  if (!target || extra.length) throw new UsageError('verify needs a repo and a chart, or a .tgz file');
  try {
    const stores = await openProvenanceStores(services, io.env);
    const keys = () => (values.keyring ? keysOfFile(values.keyring) : stores.keyring.publicKeys());
    let outcome: ProvenanceOutcome;
    if (chart === undefined) {
      if (!/\.tgz$/i.test(target)) throw new UsageError('a repo needs a chart name; a local package must be a .tgz file');
      outcome = await verifyLocal(target, await keys());
    } else {
      const { target: repo, source } = await openChartTarget(services, io.env, target, values);
      const check = await checkChartProvenance({ source, keys, pins: async (id) => (repo.oneOff ? [] : stores.trust.get(id)) }, chart, values.version);
      outcome = check.outcome;
    }
    if (values.json) {
      io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
      return outcome.verified ? 0 : 1;
    }
    return printOutcome(io, 'verify', outcome);
  } finally {
    await services.close();
  }
};
