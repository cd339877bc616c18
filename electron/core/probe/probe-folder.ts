/** Probes what an HTTP(S) URL holds: an index here, one level up (a likely fix), or an OCI registry typed as http(s)://. */
import { indexUrlOf } from '../charts/chart-url';
import { ask, isRegistryAnswer, type ProbeContext } from './probe-exchange';
import type { Finding } from './probe-finding';
import { askIndex, classifyIndexAnswer, type ParseIndexFacts } from './probe-http';
import { probeRegistry } from './probe-registry';
import { fileLikeTail, ociLocationOfFolder, ociTarget, parentFolder, type HttpTarget } from './probe-target';

/** What probing a folder needs besides the context. */
export interface FolderProbeDeps {
  parse: ParseIndexFacts;
  timedOut: () => boolean;
}

/** Probes `target` and, on a 404, the folder one level up and the origin's `/v2/`. */
export async function probeFolder(ctx: ProbeContext, target: HttpTarget, deps: FolderProbeDeps): Promise<Finding> {
  const { folder } = target;
  const first = await askIndex(ctx, folder);
  const found = await classifyIndexAnswer(first, folder, deps.parse, deps.timedOut);
  if (found) return target.pastedIndex && found.proposal ? pasted(found, folder) : found;
  const lead = `GET ${indexUrlOf(folder)} answered ${first.response?.status ?? 404}`;
  if (first.response && isRegistryAnswer(first.response)) return (await asRegistry(ctx, folder, deps, `${lead} with Docker-Distribution-API-Version: registry/2.0`)) ?? notFound(folder, [`${lead}.`]);

  const evidence = [`${lead}: nothing there.`];
  const parent = parentFolder(folder);
  if (parent) {
    const up = await askIndex(ctx, parent);
    if (up.response && isRegistryAnswer(up.response)) return (await asRegistry(ctx, folder, deps, `${lead}, and the server is an OCI registry`)) ?? notFound(folder, evidence);
    const upFound = up.response?.status === 404 ? undefined : await classifyIndexAnswer(up, parent, deps.parse, deps.timedOut);
    if (upFound?.proposal) {
      const tail = fileLikeTail(folder);
      const reason = tail ? `${tail} is a file: the repo is the folder that holds index.yaml, ${parent}.` : `Nothing at ${folder}, but the folder one level up, ${parent}, is a chart repo.`;
      return { ...upFound, evidence: [...evidence, ...upFound.evidence], fix: { url: parent, reason } };
    }
    evidence.push(`GET ${indexUrlOf(parent)} (one level up) answered ${up.response ? up.response.status : `nothing: ${up.error.message}`}.`);
  }
  const origin = new URL(folder).origin;
  const root = await ask(ctx, `${origin}/v2/`, 'application/json', 64 * 1024);
  if (root.response && (isRegistryAnswer(root.response) || root.response.status === 401)) {
    const registry = await asRegistry(ctx, folder, deps, `${lead}, but ${origin}/v2/ answers as an OCI registry`);
    if (registry) return registry;
  }
  return notFound(folder, evidence);
}

/** The registry behind an http(s) URL, proposed as its `oci://` location. */
async function asRegistry(ctx: ProbeContext, folder: string, deps: FolderProbeDeps, lead: string): Promise<Finding | undefined> {
  const location = ociLocationOfFolder(folder);
  if (!location) return undefined;
  const target = ociTarget(location, true, new URL(folder).protocol === 'http:');
  const probed = await probeRegistry(ctx, target, deps.timedOut);
  if (!probed.finding?.proposal) return undefined;
  return {
    ...probed.finding,
    evidence: [`${lead}.`, ...probed.finding.evidence],
    fix: { url: target.location, reason: `This is an OCI registry: registries are added by their oci:// location, ${target.location}.` },
  };
}

function pasted(found: Finding, folder: string): Finding {
  return { ...found, evidence: [`You pasted the index file itself; the repo is the folder that holds it, ${folder}.`, ...found.evidence], fix: { url: folder, reason: `The repo is the folder that holds index.yaml: ${folder}.` } };
}

function notFound(folder: string, evidence: string[]): Finding {
  const above = parentFolder(folder) ? ', nor does the folder above it' : '';
  return {
    outcome: 'not-found',
    headline: 'No chart repo at this address (404).',
    evidence,
    hint: `Check the path: it should be the folder that holds index.yaml (ChartMuseum with multitenancy: …/org/repo). ${folder} has none${above}.`,
  };
}
