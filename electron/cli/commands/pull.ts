/** `chartdesk pull <repo|url> <chart> [--version V] [-d DIR]`: downloads a chart package, verified against the index. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { isSafeChartName } from '../../core/charts/chart-metadata';
import { shortDigest } from '../../core/charts/digest';
import { writeFileAtomic } from '../../core/store/atomic-write';
import { ChartDeskError } from '../../core/errors';
import { UsageError, type CommandRunner } from '../command';
import { safeLine } from '../terminal-text';
import { openChartTarget } from '../chart-cli';
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
  });
  const [repoArg, chart, ...extra] = positionals;
  if (!repoArg || !chart || extra.length) throw new UsageError('pull needs a repo (name or URL) and a chart name');
  try {
    const { target, charts } = await openChartTarget(services, io.env, repoArg, values);
    const located = await charts.versions.locate(target.repoId, chart, values.version);
    const file = path.join(values.destination ?? '.', packageFileName(located.name, located.version));
    const pkg = await charts.packages.fetch({
      repo: located.repo,
      credentials: () => target.access.credentials(target.repoId),
      url: located.url,
      label: `${located.name} ${located.version}`,
      ...(located.digest ? { digest: located.digest } : {}),
    });
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, pkg.bytes, 0o644);
    const check = pkg.verified ? 'verified against the index' : 'NOT verified: the index gives no sha256 digest';
    io.stdout(`Saved ${safeLine(file)} (sha256 ${shortDigest(pkg.digest)}, ${check}).\n`);
    if (!pkg.verified) io.stderr(`chartdesk pull: warning: ${safeLine(`${located.name} ${located.version}`)} could not be verified.\n`);
    return 0;
  } finally {
    await services.close();
  }
};
