/**
 * "Use ChartDesk's keychain for helm/docker": for an OCI repo, which of Docker's, Helm's and
 * Podman's config files send its registry host to docker-credential-chartdesk, pointing one at it
 * (or back), and installing the launcher that puts the helper on the PATH.
 */
import { stat } from 'node:fs/promises';
import type { z } from 'zod';
import type { CredentialHelperChange, CredentialHelperStatus, HelperLauncherResult } from '../../contract/credential-helper';
import { ChartDeskError } from '../errors';
import { parseOciLocation } from '../oci/oci-location';
import type { RegistryAuthFile } from '../oci/registry-auth-paths';
import { credHelpersKeyOf } from '../oci/registry-server';
import type { RepoService, RepoView } from '../store/repo-service';
import { stopUsingChartDeskHelper, useChartDeskHelper, usesChartDeskHelper } from './helper-config-file';
import { defaultLauncherDir, findOnPath, HELPER_PROGRAM, installLauncher, isLauncherIn, isOnPath, type HelperProgram } from './helper-launcher';
import type { HelperUndoRecords } from './helper-undo-records';

type Status = z.output<typeof CredentialHelperStatus>;
type Change = z.output<typeof CredentialHelperChange>;

/** What the service needs. */
export interface CredentialHelperDeps {
  repos: RepoService;
  /** Docker's, Helm's and Podman's config files on this machine. */
  files: readonly RegistryAuthFile[];
  records: HelperUndoRecords;
  /** What the launcher runs (the CLI's helper bundle under Node, or the desktop app in helper mode). */
  program: HelperProgram;
  writesAllowed: () => boolean;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  homeDir: string;
}

/** The operations. */
export interface CredentialHelperService {
  status(repoId: string): Promise<Status>;
  /** Points `file` at ChartDesk for the repo's host; `undo` puts back what it had. */
  use(repoId: string, file: string, undo: boolean): Promise<Change>;
  installLauncher(dir?: string): Promise<z.output<typeof HelperLauncherResult>>;
}

/** Why a repo's login cannot go through the helper, or undefined when it can. */
function handOverProblem(repo: RepoView): string | undefined {
  if (repo.auth.mode === 'none') return `${repo.name} has no login: tools reach it anonymously without any helper.`;
  if (repo.auth.mode === 'bearer' || repo.auth.mode === 'token-server') return `${repo.name} keeps a bearer token; the credential helper protocol carries only a user name and password or an identity token.`;
  if (!repo.hasSecret) return `${repo.name} has no stored ${repo.auth.mode === 'identity-token' ? 'identity token' : 'password'} yet: set it, and tools get it through the helper.`;
  return undefined;
}

/** Creates the service. */
export function createCredentialHelperService(deps: CredentialHelperDeps): CredentialHelperService {
  const registryRepo = async (repoId: string) => {
    const repo = await deps.repos.get(repoId);
    if (repo.kind !== 'oci') throw new ChartDeskError('bad-request', 'credential-helper', `${repo.name} is an index.yaml repo; credential helpers give logins to OCI registry clients (helm registry, docker, skopeo).`);
    const host = parseOciLocation(repo.url).host;
    return { repo, host, key: credHelpersKeyOf(host) };
  };
  const launcherDir = () => defaultLauncherDir(deps.env, deps.platform, deps.homeDir);
  const onPathNote = async () =>
    (await findOnPath(HELPER_PROGRAM, deps.env, deps.platform)) ? '' : ` Tools find the helper on the PATH, and ${HELPER_PROGRAM} is not there yet: install the launcher.`;

  return {
    async status(repoId) {
      const { repo, host, key } = await registryRepo(repoId);
      const problem = handOverProblem(repo);
      const files = await Promise.all(
        deps.files.map(async (file) => ({ path: file.path, format: file.format, exists: await stat(file.path).then((s) => s.isFile(), () => false), uses: await usesChartDeskHelper(file.path, key) })),
      );
      const dir = launcherDir();
      return {
        host,
        key,
        canHandOver: problem === undefined,
        ...(problem ? { reason: problem } : {}),
        files,
        onPath: (await findOnPath(HELPER_PROGRAM, deps.env, deps.platform)) ?? null,
        launcherDir: dir,
        launcherDirOnPath: isOnPath(dir, deps.env, deps.platform),
        launcherInstalled: await isLauncherIn(dir, deps.platform),
        writesAllowed: deps.writesAllowed(),
      };
    },
    async use(repoId, file, undo) {
      const { repo, key } = await registryRepo(repoId);
      if (undo) {
        const current = await usesChartDeskHelper(file, key);
        if (!current) return { path: file, key, changed: false, message: `${file} does not send ${key} to ChartDesk; nothing to undo.` };
        const previous = await deps.records.take(file, key);
        const change = await stopUsingChartDeskHelper(file, key, previous);
        const back = change.previous ? `back to docker-credential-${change.previous}` : 'back to what the file itself holds';
        return { ...change, message: `${file} no longer sends ${key} to ChartDesk (${back}).${change.backup ? ` The file as it was is in ${change.backup}.` : ''}` };
      }
      const problem = handOverProblem(repo);
      // A login that is only missing can be set afterwards (the message says so); any other problem stops here.
      const setLater = !repo.hasSecret && (repo.auth.mode === 'basic' || repo.auth.mode === 'identity-token');
      if (problem && !setLater) throw new ChartDeskError('bad-request', 'credential-helper', problem);
      const change = await useChartDeskHelper(file, key);
      if (change.changed) await deps.records.remember(file, key, change.previous);
      const head = change.changed ? `${file} now sends ${key} to ChartDesk’s keychain (docker-credential-chartdesk).` : `${file} already sends ${key} to ChartDesk.`;
      const was = change.previous ? ` It used docker-credential-${change.previous} before; Undo puts that back.` : '';
      const copy = change.backup ? ` The file as it was is in ${change.backup}.` : '';
      return { ...change, message: `${head}${was}${copy}${problem ? ` ${problem}` : ''}${await onPathNote()}` };
    },
    async installLauncher(dir) {
      const target = dir ?? launcherDir();
      const result = await installLauncher(target, deps.program, deps.platform);
      const dirOnPath = isOnPath(target, deps.env, deps.platform);
      const message = `${result.replaced ? 'Updated' : 'Installed'} ${result.path}.${dirOnPath ? '' : ` ${target} is not on your PATH: add it (for example in ~/.profile) so Docker, Helm and skopeo find the helper.`}`;
      return { ...result, dirOnPath, message };
    },
  };
}
