/** `chartdesk push <repo|url> <file.tgz> [--force]`: uploads a chart package through ChartMuseum's API. */
import { promises as fs } from 'node:fs';
import { MAX_PUSH_BYTES } from '../../contract/packages';
import { ChartDeskError } from '../../core/errors';
import { UsageError, type CommandRunner } from '../command';
import { safeLine } from '../terminal-text';
import { openChartTarget } from '../chart-cli';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';


/** Reads the package file, refusing a missing or oversized one before any network work. */
async function readPackage(file: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new ChartDeskError('not-found', 'read-file', `There is no file at ${file}.`);
  if (stat.size > MAX_PUSH_BYTES) throw new ChartDeskError('too-large', 'read-file', `${file} is larger than ${MAX_PUSH_BYTES / (1024 * 1024)} MB.`);
  return fs.readFile(file);
}

/** Runs `chartdesk push` (help: help/charts.ts). */
export const runPush: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...CHART_NETWORK_OPTIONS, force: { type: 'boolean', default: false } });
  const [repoArg, file, ...extra] = positionals;
  if (!repoArg || !file || extra.length) throw new UsageError('push needs a repo (name or URL) and one .tgz file');
  const bytes = await readPackage(file);
  try {
    const { target, charts } = await openChartTarget(services, io.env, repoArg, values);
    const result = await charts.publisher.push(target.repoId, bytes, values.force === true);
    io.stdout(`Pushed ${safeLine(`${result.name} ${result.version}`)} to ${safeLine(target.label)}${result.forced ? ' (replacing it if it was there)' : ''}.\n`);
    return 0;
  } finally {
    await services.close();
  }
};
