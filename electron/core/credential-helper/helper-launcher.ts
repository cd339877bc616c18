/**
 * The small launcher that puts `docker-credential-chartdesk` on the PATH for tools that look
 * helpers up there (Docker, Helm, Podman, skopeo, ORAS): a shell script (a .cmd on Windows) that
 * runs ChartDesk's helper. It never overwrites a file ChartDesk did not write.
 */
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ChartDeskError } from '../errors';
import { writeFileAtomic } from '../store/atomic-write';
import { errnoCode, storeError } from '../store/store-errors';

/** The program a launcher runs: a command and its first arguments (the action follows). */
export interface HelperProgram {
  command: string;
  args: string[];
  /** Environment the helper runs with (CHARTDESK_HOME: the data folder of the ChartDesk that wrote the launcher). */
  env?: Record<string, string>;
}

/** The helper's program name, as tools look it up. */
export const HELPER_PROGRAM = 'docker-credential-chartdesk';

/** The first line after the shebang of every launcher ChartDesk writes. */
const MARK = 'Written by ChartDesk: runs ChartDesk’s Docker credential helper. Delete this file to remove it.';

/** The launcher's file name on this platform. */
export function launcherFileName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${HELPER_PROGRAM}.cmd` : HELPER_PROGRAM;
}

/** Where the launcher goes by default: ~/.local/bin (Linux, macOS), %LOCALAPPDATA%\ChartDesk\bin (Windows). */
export function defaultLauncherDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(homeDir, 'AppData', 'Local'), 'ChartDesk', 'bin');
  return path.posix.join(homeDir, '.local', 'bin');
}

const shQuote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The launcher's text. */
export function launcherScript(program: HelperProgram, platform: NodeJS.Platform): string {
  const env = Object.entries(program.env ?? {});
  if (env.some(([name]) => !/^[A-Z_][A-Z0-9_]*$/.test(name))) throw new ChartDeskError('bad-request', 'helper-launcher', 'A launcher variable name is not valid.');
  if (platform === 'win32') {
    if ([program.command, ...program.args, ...env.map(([, v]) => v)].some((w) => /["%\r\n]/.test(w))) throw new ChartDeskError('bad-request', 'helper-launcher', 'ChartDesk is installed at a path a .cmd launcher cannot name.');
    const sets = env.map(([name, value]) => `set "${name}=${value}"\r\n`).join('');
    return `@echo off\r\nrem ${MARK}\r\nsetlocal\r\n${sets}${[program.command, ...program.args].map((w) => `"${w}"`).join(' ')} %*\r\n`;
  }
  const exports = env.map(([name, value]) => `export ${name}=${shQuote(value)}\n`).join('');
  return `#!/bin/sh\n# ${MARK}\n${exports}exec ${[program.command, ...program.args].map(shQuote).join(' ')} "$@"\n`;
}

/** The folders of PATH (PATH or Path on Windows). */
function pathDirs(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const value = env.PATH ?? env.Path ?? '';
  return value.split(platform === 'win32' ? ';' : ':').filter(Boolean);
}

/** True when `dir` is one of PATH's folders. */
export function isOnPath(dir: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const wanted = p.resolve(dir);
  return pathDirs(env, platform).some((d) => p.resolve(d) === wanted || (platform === 'win32' && p.resolve(d).toLowerCase() === wanted.toLowerCase()));
}

/** Where a program is found on PATH (with PATHEXT on Windows), or undefined. */
export async function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Promise<string | undefined> {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const extensions = platform === 'win32' ? (env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  for (const dir of pathDirs(env, platform)) {
    for (const ext of extensions) {
      const candidate = p.join(dir, `${name}${ext}`);
      const ok = await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK).then(() => true, () => false);
      if (ok && (await stat(candidate).then((s) => s.isFile(), () => false))) return candidate;
    }
  }
  return undefined;
}

/** True when `dir` holds a launcher ChartDesk wrote. */
export async function isLauncherIn(dir: string, platform: NodeJS.Platform): Promise<boolean> {
  const file = (platform === 'win32' ? path.win32 : path.posix).join(dir, launcherFileName(platform));
  return (await readFile(file, 'utf8').catch(() => '')).includes(MARK);
}

/** Writes the launcher into `dir` (created if missing); refuses to replace a file it did not write. */
export async function installLauncher(dir: string, program: HelperProgram, platform: NodeJS.Platform): Promise<{ path: string; replaced: boolean }> {
  const file = (platform === 'win32' ? path.win32 : path.posix).join(dir, launcherFileName(platform));
  const existing = await readFile(file, 'utf8').catch((error: unknown) => {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw storeError(error, 'helper-launcher', `read ${file}`);
  });
  if (existing !== undefined && !existing.includes(MARK)) {
    throw new ChartDeskError('conflict', 'helper-launcher', `${file} exists and was not written by ChartDesk, so it was left alone.`, { hint: 'Remove it first if it is an old copy, or pick another folder.' });
  }
  try {
    await writeFileAtomic(file, launcherScript(program, platform), 0o755);
  } catch (error) {
    throw storeError(error, 'helper-launcher', `write ${file}`, { unchanged: true });
  }
  return { path: file, replaced: existing !== undefined };
}
