/** `chartdesk show <repo|url> <chart> [chart|values|readme|versions|files]`: what `helm show` prints. */
import { shortDigest } from '../../core/charts/digest';
import { ChartDeskError } from '../../core/errors';
import { repoCharts, type ChartPackage, type RepoCharts } from '../chart-queries';
import { UsageError, type CliIo, type CommandRunner } from '../command';
import { SHOW_TARGETS } from '../help/browse';
import { jsonText, OUTPUT_OPTIONS, outputFormat, type OutputFormat } from '../output-format';
import { safeLine } from '../terminal-text';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';
import { fileText, filesTable, manifestText, versionJson, versionsTable } from './show-format';

type Target = (typeof SHOW_TARGETS)[number];

function parseTarget(text: string | undefined): Target {
  if (text === undefined) return 'chart';
  if ((SHOW_TARGETS as readonly string[]).includes(text)) return text as Target;
  throw new UsageError(`show prints one of ${SHOW_TARGETS.join(', ')}, not "${text.slice(0, 40)}"`);
}

/** Says on stderr when the index is the offline copy. */
async function openIndex(repo: RepoCharts, io: CliIo): Promise<void> {
  const facts = await repo.open();
  if (facts.offline) io.stderr(`chartdesk show: ${safeLine(facts.offlineReason ?? `${repo.label} could not be reached; using its offline copy.`)}\n`);
}

/** `show versions`: from the index only. */
async function showVersions(repo: RepoCharts, io: CliIo, chart: string, version: string | undefined, format: OutputFormat): Promise<number> {
  const all = await repo.versions(chart);
  const versions = version === undefined ? all : all.filter((v) => v.version === version);
  if (versions.length === 0) throw new ChartDeskError('not-found', 'show', `The index has no version ${version ?? ''} of chart ${chart}.`);
  io.stdout(format === 'json' ? jsonText({ chart, versions: versions.map(versionJson) }) : versionsTable(versions));
  return 0;
}

/** `show manifest`: a registry's manifest of the version. */
async function showManifest(repo: RepoCharts, io: CliIo, chart: string, version: string | undefined, format: OutputFormat): Promise<number> {
  const view = await repo.manifest(chart, version);
  io.stdout(format === 'json' ? jsonText(view) : manifestText(view));
  return 0;
}

/** The package's facts for stderr: its digest and whether it matched the index (or the registry's layer digest). */
function packageNote(pkg: ChartPackage, io: CliIo): void {
  const checked = pkg.url.startsWith('oci://') ? 'verified against its registry digest' : 'verified against the index';
  io.stderr(`${safeLine(`${pkg.name} ${pkg.version}`)}: package sha256 ${shortDigest(pkg.digest)}, ${pkg.verified ? checked : 'NOT verified (the index gives no sha256 digest)'}.\n`);
  for (const warning of pkg.warnings) io.stderr(`chartdesk show: warning: ${safeLine(warning)}\n`);
}

/** The printed form of one package target. */
function packageOutput(pkg: ChartPackage, target: Exclude<Target, 'versions' | 'manifest'>, format: OutputFormat): string {
  const facts = { name: pkg.name, version: pkg.version, digest: pkg.digest, verified: pkg.verified, url: pkg.url };
  if (target === 'chart') return format === 'json' ? jsonText({ ...facts, metadata: pkg.metadata, chartYaml: pkg.chartYaml }) : format === 'yaml' ? pkg.chartYaml : fileText(pkg.chartYaml);
  if (target === 'values') return format === 'json' ? jsonText({ ...facts, values: pkg.valuesYaml }) : format === 'yaml' ? pkg.valuesYaml : fileText(pkg.valuesYaml);
  if (target === 'files') return format === 'json' ? jsonText({ ...facts, files: pkg.files }) : filesTable(pkg.files);
  if (!pkg.readme) throw new ChartDeskError('not-found', 'show', `The chart ${pkg.name} ${pkg.version} has no README.`);
  return format === 'json' ? jsonText({ ...facts, readme: pkg.readme }) : fileText(pkg.readme.text);
}

/** Runs `chartdesk show` (help: help/browse.ts). */
export const runShow: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...CHART_NETWORK_OPTIONS, ...OUTPUT_OPTIONS, version: { type: 'string' } });
  const [repoArg, chart, targetArg, ...extra] = positionals;
  if (!repoArg || !chart || extra.length) throw new UsageError(`show needs a repo (name or URL), a chart name and at most one of ${SHOW_TARGETS.join(', ')}`);
  const target = parseTarget(targetArg);
  const format = outputFormat(values, target === 'chart' || target === 'values');
  try {
    const repo = await repoCharts(services, io.env, repoArg, values);
    // A manifest is read from the chart's own tags: no need to list the whole registry first.
    if (target === 'manifest') return await showManifest(repo, io, chart, values.version, format);
    await openIndex(repo, io);
    if (target === 'versions') return await showVersions(repo, io, chart, values.version, format);
    const pkg = await repo.package(chart, values.version);
    packageNote(pkg, io);
    io.stdout(packageOutput(pkg, target, format));
    return 0;
  } finally {
    await services.close();
  }
};
