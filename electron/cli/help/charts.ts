/** Help of the chart commands: index, pull, push, delete (ChartMuseum repos and OCI registries alike). */
import { CHART_NETWORK_USAGE, exitCodes, type CommandHelp } from './common';

/** `chartdesk index`. */
export const INDEX_HELP: CommandHelp = {
  name: 'index',
  summary: 'List or search the charts of a repo (repo, URL, oci:// namespace or local index file)',
  usage: `Usage: chartdesk index <repo|url|file> [--json] [--search Q]

Prints the charts of a repo (a stored repo by name, a repo URL, an OCI registry namespace such as
oci://ghcr.io/org/charts, or a local index file, YAML or JSON). A registry's charts come from its
catalog, or from the chart names stored with the repo when the registry does not list them.
When the repo cannot be reached, its offline copy is used and said so on stderr.

Options:
  --search Q            Only charts matching Q (name, keywords, description), best first
  --limit N             At most N charts or hits (default: all charts, 50 hits)
  --json                Print JSON: { index, charts } or { index, query, total, hits }
${CHART_NETWORK_USAGE}

${exitCodes('the index could not be had (neither from the repo nor its offline copy) or is not valid')}
`,
};

/** `chartdesk pull`. */
export const PULL_HELP: CommandHelp = {
  name: 'pull',
  summary: 'Download a chart package (.tgz), verified against its digest (and --verify its provenance)',
  usage: `Usage: chartdesk pull <repo|url> <chart> [--version V] [-d DIR] [--verify [--keyring FILE]]
       chartdesk pull oci://host/namespace/chart[:V] [--version V] [-d DIR] [--verify]

Downloads a chart package and checks its sha256 against the repo index (or, from an OCI
registry, against the digest of its chart layer); a package that does not match is not written.
Saves <chart>-<version>.tgz (written atomically) in DIR. Charts an index lists at oci:// URLs
are pulled from their registry, with the stored OCI repo's credentials when one covers it.

Options:
  --version V           The version to pull (default: the latest stable version)
  -d, --destination DIR Folder to save into (default: the current folder; created if missing)
  --verify              Also check its provenance (<package url>.prov, or a registry's provenance
                        layer) as helm pull --verify does;
                        nothing is written unless it verifies, then the .prov is saved beside it
  --keyring FILE        With --verify: the keys to trust (default: your keyring)
${CHART_NETWORK_USAGE}

${exitCodes('nothing was saved: no such chart or version, a failed download, a digest mismatch, or (--verify) a provenance that does not verify')}
`,
};

/** `chartdesk push`. */
export const PUSH_HELP: CommandHelp = {
  name: 'push',
  summary: 'Upload a chart package (.tgz) to a ChartMuseum repo or an OCI registry',
  usage: `Usage: chartdesk push <repo|url> <file.tgz> [--force] [--sign KEY [--keep-passphrase]]

Uploads a chart package with a pull,push token: to a ChartMuseum repo (POST /api/.../charts), or
to an OCI registry namespace (oci://host/ns) exactly as \`helm push\` does (blobs, config and a
manifest with Helm's media types, tagged with the version). A .prov goes with it (ChartMuseum's
prov field, the OCI provenance layer): made with --sign, or a file.tgz.prov found beside the file.
The package is read first: a broken or unsafe chart is refused before anything is sent.

Options:
  --force               Replace the version if the repo already has it (a registry: move its tag)
  --sign KEY            Sign it as helm package --sign does and push the .prov with it. KEY is a
                        signing key's fingerprint, key id or part of its user id (chartdesk keys list).
                        A passphrase is read from CHARTDESK_SIGNING_PASSPHRASE or stdin, never argv.
  --keep-passphrase     Keep a passphrase that worked in the keychain-backed vault
${CHART_NETWORK_USAGE}

${exitCodes('not uploaded: the package is broken, the version exists (without --force), or the repo refused it')}
`,
};

/** `chartdesk delete`. */
export const DELETE_HELP: CommandHelp = {
  name: 'delete',
  summary: 'Delete a chart version from a ChartMuseum repo or an OCI registry',
  usage: `Usage: chartdesk delete <repo|url> <chart> <version>

Deletes one version of a chart with a pull,push token: from a ChartMuseum repo
(DELETE /api/.../charts/<chart>/<version>), or from an OCI registry (DELETE of the version's
manifest by digest; registries with deletes disabled say so). There is no undo.

Options:
${CHART_NETWORK_USAGE}

${exitCodes('nothing was deleted: no such version, or the repo refused')}
`,
};
