/** Help of \`chartdesk repos\`. */
import { exitCodes, type CommandHelp } from './common';

/** \`chartdesk repos\`. */
export const REPOS_HELP: CommandHelp = {
  name: 'repos',
  summary: 'List, add, remove and import chart repos; secrets go to the keychain.',
  usage: `Usage: chartdesk repos <subcommand> [options]

  list [--json]                      The repos, in your order, and whether a secret is stored.
  add <name> <url> [options]         Add a repo. Modes other than none read the secret from stdin:
      --auth none|basic|bearer|token-server   (default none)
      --username U                   user name (basic; token server dialects B/C)
      --dialect auto|A|B|C           token request dialect (default auto)
      --header NAME                  send the credential in this header instead of Authorization
      --client-id ID                 client_id for dialect C
      --ca-file F --cert-file F --key-file F   TLS files (referenced, never copied)
      --insecure                     skip TLS verification (testing only)
      --pass-credentials             send credentials to chart URLs on other hosts too
      --no-secret                    add without a secret
  remove <name>                      Remove a repo and its stored secret.
  import-helm [--file PATH]          Import Helm's repositories.yaml (default: HELM_REPOSITORY_CONFIG
                                     or Helm's own); passwords move into the keychain-backed vault.
  export <name>                      Print the helm commands that use the repo (no secret).
  set-secret <name> [--username U]   Store the secret piped on stdin.
  clear-secret <name>                Forget the stored secret.
  test <name>                        Run the auth flow against the repo's index.yaml.

Secrets come from stdin or the keychain, never from arguments:
  printf %s "$API_KEY" | chartdesk repos add cm https://charts.example.com/org/repo --auth token-server

${exitCodes('the subcommand failed (for test: the repo refused the credential)')}
`,
};
