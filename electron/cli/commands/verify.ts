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
import { UsageError, type CliCommand, type CliIo } from '../command';
import { CHART_NETWORK_OPTIONS, CHART_NETWORK_USAGE, openChartTarget } from '../chart-cli';
import { keysOfFile, openProvenanceStores, printOutcome, readCappedFile } from '../provenance-cli';
import type { CliServices } from '../services';
import { parseCommandArgs } from '../url-repo';

const USAGE = `Usage: chartdesk verify <repo|url> <chart> [--version V] [--keyring FILE] [--json]
       chartdesk verify <file.tgz> [--keyring FILE] [--json]

Checks a chart's provenance as helm verify does: the .prov's OpenPGP signature against your keyring
(or --keyring), the signer's key still valid (and pinned, when the repo pins keys), the signed
Chart.yaml naming this chart and version, and the signed sha256 equal to the package's.
For a repo, <package url>.prov is fetched with the package's credentials; for a local file, the
.prov beside it (file.tgz.prov) is used. Exit 0 only when verified.

Options:
  --version V           The version (default: the latest stable version)
  --keyring FILE        Verify against the keys in this file (gpg --export) instead of your keyring
  --json                Print the outcome as JSON
${CHART_NETWORK_USAGE}
`;

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

/** The verify command over the CLI's services. */
export function verifyCommand(services: CliServices): CliCommand {
  return {
    name: 'verify',
    summary: 'Check a chart’s provenance (.prov signature, signer, sha256) as helm verify does',
    usage: USAGE,
    async run(io: CliIo) {
      const { values, positionals } = parseCommandArgs(io.argv, { ...CHART_NETWORK_OPTIONS, version: { type: 'string' }, keyring: { type: 'string' }, json: { type: 'boolean', default: false } });
      const [target, chart, ...extra] = positionals;
      if (!target || extra.length) throw new UsageError('verify needs a repo and a chart, or a .tgz file');
      try {
        const stores = openProvenanceStores(services, io.env);
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
    },
  };
}
