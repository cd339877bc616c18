/** Debian's GnuPG (a second OpenPGP implementation) in a throwaway GNUPGHOME, for interop tests. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One gpg run. */
export interface GpgRun {
  code: number;
  stdout: string;
  /** stdout as bytes (gpg --export writes binary). */
  stdoutBytes: Buffer;
  stderr: string;
}

/** A private gpg home; close() removes it (and stops its agent). */
export interface Gpg {
  home: string;
  run(args: string[], stdin?: string | Buffer): Promise<GpgRun>;
  close(): Promise<void>;
}

/** Opens a fresh GNUPGHOME (mode 700, as gpg insists). */
export function openGpg(): Gpg {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-gnupg-'));
  const run = (args: string[], stdin?: string | Buffer) =>
    new Promise<GpgRun>((resolve) => {
      const child = execFile('gpg', ['--batch', '--no-tty', '--pinentry-mode', 'loopback', ...args], { env: { PATH: process.env.PATH ?? '', GNUPGHOME: home, LC_ALL: 'C' }, timeout: 60_000, encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: stdout.toString('utf8'), stdoutBytes: stdout, stderr: stderr.toString('utf8') });
      });
      // A program may exit without reading its input: its exit code tells, so EPIPE on this write is no failure.
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(stdin ?? '');
    });
  return {
    home,
    run,
    async close() {
      await new Promise<void>((resolve) => execFile('gpgconf', ['--kill', 'gpg-agent'], { env: { PATH: process.env.PATH ?? '', GNUPGHOME: home } }, () => resolve()));
      rmSync(home, { recursive: true, force: true });
    },
  };
}
