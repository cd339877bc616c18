/** Help of the provenance commands: verify, keys. */
import { CHART_NETWORK_USAGE, exitCodes, type CommandHelp } from './common';

/** `chartdesk verify`. */
export const VERIFY_HELP: CommandHelp = {
  name: 'verify',
  summary: 'Check a chart’s provenance (.prov signature, signer, sha256) as helm verify does',
  usage: `Usage: chartdesk verify <repo|url> <chart> [--version V] [--keyring FILE] [--json]
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

${exitCodes('not verified: no provenance, a bad signature, an unknown or unpinned signer, or a digest that does not match')}
`,
};

/** `chartdesk keys`. */
export const KEYS_HELP: CommandHelp = {
  name: 'keys',
  summary: 'Import, list and remove provenance keys and signing keys; pin keys per repo',
  usage: `Usage: chartdesk keys <subcommand> [options]

  import FILE                 Add the public keys of FILE (armored or binary, several keys allowed,
                              as gpg --export writes them) to your keyring.
  import --secret FILE        Add a signing key: the secret key goes to the keychain-backed vault,
                              its public key to your keyring. A passphrase, if the key has one, is
                              asked when signing (CHARTDESK_SIGNING_PASSPHRASE or stdin).
  list [--json]               The keyring and the signing keys (user id, fingerprint, dates).
  remove FINGERPRINT          Remove a public key from the keyring.
  remove --secret FINGERPRINT Delete a signing key (and a kept passphrase) from the vault.
  forget-passphrase FINGERPRINT  Forget a signing key's kept passphrase.
  pin <repo> FINGERPRINT...   Trust only these keys for charts of a stored repo.
  unpin <repo>                Trust any key of the keyring for the repo again.
  pins <repo>                 The keys a repo pins.

Keys live in the data folder (provenance/keyring.json); secret keys only in the vault.

${exitCodes('the key file could not be read or held no usable key, or there is no such key or repo')}
`,
};
