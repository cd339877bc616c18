/** `chartdesk push <repo|url> <file.tgz> [--force] [--sign KEY]`: uploads a chart package through ChartMuseum's API or to an OCI registry. */
import { promises as fs } from 'node:fs';
import { MAX_PUSH_BYTES } from '../../contract/packages';
import { readChartArchive } from '../../core/charts/chart-archive';
import { ChartDeskError } from '../../core/errors';
import { signProvenance } from '../../core/provenance/sign';
import { UsageError, type CliIo, type CommandRunner } from '../command';
import { openChartTarget } from '../chart-cli';
import { findSigningKey, openProvenanceStores, passphraseFromInput } from '../provenance-cli';
import type { CliServices } from '../services';
import { safeLine } from '../terminal-text';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';

/** Reads the package file, refusing a missing or oversized one before any network work. */
async function readPackage(file: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new ChartDeskError('not-found', 'read-file', `There is no file at ${file}.`);
  if (stat.size > MAX_PUSH_BYTES) throw new ChartDeskError('too-large', 'read-file', `${file} is larger than ${MAX_PUSH_BYTES / (1024 * 1024)} MB.`);
  return fs.readFile(file);
}

/** Signs the package with the named signing key; asks for the passphrase (env, then stdin) only when the key needs one. */
async function signForPush(services: CliServices, io: CliIo, query: string, bytes: Buffer, keep: boolean): Promise<{ provenance: string; userId: string }> {
  const stores = await openProvenanceStores(services, io.env);
  const key = await findSigningKey(stores.signing, query);
  const archive = await readChartArchive(bytes);
  let unlocked;
  try {
    unlocked = await stores.signing.unlock(key.fingerprint);
  } catch (error) {
    if (!(error instanceof ChartDeskError) || error.kind !== 'passphrase-required') throw error;
    const passphrase = await passphraseFromInput(io);
    if (passphrase === undefined) throw new ChartDeskError('passphrase-required', 'unlock-key', `${key.userIds[0] ?? key.fingerprint} is protected by a passphrase.`, { hint: 'Pipe it on stdin or set CHARTDESK_SIGNING_PASSPHRASE; it never goes on the command line.' });
    unlocked = await stores.signing.unlock(key.fingerprint, passphrase, keep);
  }
  const provenance = await signProvenance({ packageBytes: bytes, chartYaml: archive.chartYaml, fileName: `${archive.metadata.name}-${archive.metadata.version}.tgz`, signingKey: unlocked });
  return { provenance, userId: key.userIds[0] ?? key.fingerprint };
}

/** Runs `chartdesk push` (help: help/charts.ts). */
export const runPush: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, {
    ...CHART_NETWORK_OPTIONS,
    force: { type: 'boolean', default: false },
    sign: { type: 'string' },
    'keep-passphrase': { type: 'boolean', default: false },
  });
  if (values['keep-passphrase'] && !values.sign) throw new UsageError('--keep-passphrase goes with --sign');
  const [repoArg, file, ...extra] = positionals;
  if (!repoArg || !file || extra.length) throw new UsageError('push needs a repo (name or URL) and one .tgz file');
  const bytes = await readPackage(file);
  try {
    const signed = values.sign ? await signForPush(services, io, values.sign, bytes, values['keep-passphrase'] === true) : undefined;
    const beside = signed ? undefined : await fs.readFile(`${file}.prov`).catch(() => undefined);
    const prov = signed ? Buffer.from(signed.provenance, 'utf8') : beside;
    const { target, source } = await openChartTarget(services, io.env, repoArg, values);
    const result = await source.push(bytes, { force: values.force === true, ...(prov ? { prov } : {}) });
    const how = signed ? `, signed by ${safeLine(signed.userId)}` : beside ? ' with its provenance file' : '';
    io.stdout(`Pushed ${safeLine(`${result.name} ${result.version}`)} to ${safeLine(target.label)}${result.forced ? ' (replacing it if it was there)' : ''}${how}.\n`);
    return 0;
  } finally {
    await services.close();
  }
};
