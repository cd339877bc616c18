/** A real, tiny disk for full-disk tests: a 64 KiB tmpfs mounted for the test (needs root, as here and in CI). */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A mounted tmpfs that can be filled to the last byte and emptied again. */
export interface TinyDisk {
  /** The mount point. */
  dir: string;
  /** Fills every free byte with a filler file; the next write that needs space fails with ENOSPC. */
  fill(): void;
  /** Removes the filler: the disk has room again. */
  free(): void;
  /** Every file under the disk (relative paths), except the filler. */
  files(): string[];
  unmount(): void;
}

const FILLER = 'zz-filler.bin';

/** Mounts a tmpfs of `sizeKiB`; fails (never skips) with a clear message when mounting is not possible. */
export function mountTinyDisk(sizeKiB = 64): TinyDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-tiny-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr).trim() : String(error);
    throw new Error(`The full-disk tests need to mount a small tmpfs (run them as root, as CI does): mount -t tmpfs failed: ${detail}`);
  }
  const filler = path.join(dir, FILLER);
  const walk = (base: string, rel = ''): string[] =>
    readdirSync(path.join(base, rel), { withFileTypes: true }).flatMap((e) => {
      const name = path.join(rel, e.name);
      return e.isDirectory() ? [`${name}/`, ...walk(base, name)] : name === FILLER ? [] : [name];
    });
  return {
    dir,
    fill() {
      const chunk = Buffer.alloc(4096, 0x5a);
      for (let i = 0; i < 100_000; i++) {
        try {
          appendFileSync(filler, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
      // The last partial page too: one byte at a time until nothing fits.
      for (let i = 0; i < 4096; i++) {
        try {
          appendFileSync(filler, 'z');
        } catch {
          break;
        }
      }
      if (statSync(filler).size < 4096) throw new Error('the tiny disk could not be filled');
    },
    free: () => rmSync(filler, { force: true }),
    files: () => walk(dir),
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
