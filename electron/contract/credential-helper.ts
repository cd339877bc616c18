/** Contract schemas for ChartDesk's Docker credential helper: which tool config files use it, pointing them at it, its launcher. */
import { z } from 'zod';
import { RegistryAuthFormat } from './repos';

/** A Docker-style config file; ChartDesk only edits `.json` files. */
const ConfigPath = z.string().min(1).max(4096).refine((p) => /\.json$/i.test(p), { message: 'Name a .json config file (config.json or auth.json).' });

/** credentialHelperStatus' result for one OCI repo. */
export const CredentialHelperStatus = z.object({
  /** The registry host the helper answers for. */
  host: z.string(),
  /** The credHelpers key tools look it up by (Docker Hub: index.docker.io). */
  key: z.string(),
  /** True when the repo holds a login the helper protocol can carry (user name and password, or an identity token). */
  canHandOver: z.boolean(),
  /** When it cannot: why, in words. */
  reason: z.string().optional(),
  /** Docker's, Helm's and Podman's config files: whether each exists and already sends the host to ChartDesk. */
  files: z.array(z.object({ path: z.string(), format: RegistryAuthFormat, exists: z.boolean(), uses: z.boolean() })),
  /** Where `docker-credential-chartdesk` is found on the PATH, or null. */
  onPath: z.string().nullable(),
  /** Where Install launcher puts it, and whether that folder is on the PATH. */
  launcherDir: z.string(),
  launcherDirOnPath: z.boolean(),
  /** True when ChartDesk's launcher is already in launcherDir. */
  launcherInstalled: z.boolean(),
  /** Settings let `docker login` / `helm registry login` save logins through the helper. */
  writesAllowed: z.boolean(),
});

/** useCredentialHelper's argument: point (or with undo, stop pointing) one config file's entry for the repo's host at ChartDesk. */
export const UseCredentialHelperInput = z.object({ repoId: z.string().min(1).max(64), path: ConfigPath, undo: z.boolean().default(false) }).strict();

/** What one change to a config file did, with the sentence to show. */
export const CredentialHelperChange = z.object({
  path: z.string(),
  key: z.string(),
  changed: z.boolean(),
  /** The copy of the file as it was before this change. */
  backup: z.string().optional(),
  /** The helper the host used before (use) or uses again (undo). */
  previous: z.string().optional(),
  message: z.string(),
});

/** installHelperLauncher's argument: the folder (default ~/.local/bin, %LOCALAPPDATA%\ChartDesk\bin). */
export const InstallHelperLauncherInput = z.object({ dir: z.string().min(1).max(4096).optional() }).strict();

/** The launcher written. */
export const HelperLauncherResult = z.object({ path: z.string(), replaced: z.boolean(), dirOnPath: z.boolean(), message: z.string() });
