/** Help of \`chartdesk repos\`. */
import { exitCodes, type CommandHelp } from './common';

/** \`chartdesk repos\`. */
export const REPOS_HELP: CommandHelp = {
  name: 'repos',
  summary: 'List, add, remove and import chart repos and registries; secrets go to the keychain.',
  usage: `Usage: chartdesk repos <subcommand> [options]

  list [--json]                      The repos, in your order, and whether a secret is stored.
  add <name> <url> [options]         Add a repo: an http(s) folder holding index.yaml, or an OCI
                                     registry namespace (oci://ghcr.io/org/charts). Modes other than
                                     none read the secret from stdin:
      --auth none|basic|bearer|token-server|identity-token   (default none; registries: basic is
                                     a user name and password, identity-token an OAuth2 refresh token)
      --username U                   user name (basic; token server dialects B/C)
      --dialect auto|A|B|C           token request dialect (default auto)
      --header NAME                  send the credential in this header instead of Authorization
      --client-id ID                 client_id for dialect C
      --ca-file F --cert-file F --key-file F   TLS files (referenced, never copied)
      --insecure                     skip TLS verification (testing only)
      --pass-credentials             send credentials to chart URLs on other hosts too
      --no-secret                    add without a secret
      --plain-http / --no-plain-http registries: plain HTTP (default for localhost only)
      --chart A,B                    registries: charts to list (comma-separated), for registries
                                     that do not list their repositories
  remove <name>                      Remove a repo and its stored secret.
  import-helm [--file PATH]          Import Helm's repositories.yaml (default: HELM_REPOSITORY_CONFIG
                                     or Helm's own); passwords move into the keychain-backed vault.
  import-registry-auth [FILE]        Import registry logins from Docker's config.json, Helm's
                                     registry config.json and Podman's auth.json (or FILE), with
                                     credsStore/credHelpers resolved; secrets into the vault.
  add-chart <name> <chart>           Add a chart (name, or oci://host/ns/chart) to a registry repo.
  remove-chart <name> <chart>        Remove a chart from a registry repo's list.
  use-helper <name> [--for docker,helm,podman | --config FILE] [--undo]
                                     Point Docker's and Helm's config (default; or Podman's auth.json,
                                     or FILE) at docker-credential-chartdesk for the registry's host:
                                     helm, docker, podman, skopeo and oras then use the login in
                                     ChartDesk's keychain. Atomic, with a backup; --undo puts back
                                     the helper the file had.
  install-helper [--dir DIR]         Put docker-credential-chartdesk on the PATH (a small launcher in
                                     ~/.local/bin, or DIR).
  export <name>                      Print the helm commands that use the repo (no secret).
  set-secret <name> [--username U]   Store the secret piped on stdin.
  clear-secret <name>                Forget the stored secret.
  test <name>                        Run the auth flow against the repo's index.yaml.
  export-all FILE [--with-secrets] [--force]
                                     Write every repo and the settings to FILE (for a new machine).
                                     --with-secrets encrypts it with a passphrase (scrypt + AES-256-GCM).
  import-all FILE [--replace] [--settings] [--dry-run]
                                     Add the repos of FILE; ones with a name or URL you have are
                                     skipped (--replace replaces them); --settings takes over its
                                     settings; --dry-run only prints what would happen.

Secrets come from stdin or the keychain, never from arguments:
  printf %s "$API_KEY" | chartdesk repos add cm https://charts.example.com/org/repo --auth token-server
The passphrase of an export comes from CHARTDESK_PASSPHRASE, stdin or the terminal:
  CHARTDESK_PASSPHRASE=… chartdesk repos export-all repos.json --with-secrets

${exitCodes('the subcommand failed (for test: the repo refused the credential)')}
`,
};
