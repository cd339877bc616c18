import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../support/paths';

const config = parse(readFileSync(path.join(PROJECT_ROOT, 'build', 'electron-builder.yml'), 'utf8')) as BuilderConfig;

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  files: string[];
  linux: { target: string[]; icon: string };
  mac: { target: string };
  win: { target: string };
}

describe('the packaging config', () => {
  it('sets the Electron fuses for a release build', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('ships an explicit allow-list of built files, every one of which the build produces', () => {
    const files = config.files as string[];
    const plain = files.filter((f) => !f.startsWith('!') && !f.includes('*'));
    for (const file of plain) expect(existsSync(path.join(PROJECT_ROOT, file)), `${file} is built`).toBe(true);
    expect(files.some((f) => f.startsWith('electron/') || f.startsWith('renderer/') || f.startsWith('test/'))).toBe(false);
  });

  it('builds AppImage, deb, dmg and nsis with the drawn icon', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(existsSync(path.join(PROJECT_ROOT, config.linux.icon))).toBe(true);
  });
});
