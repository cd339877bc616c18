import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../electron/main/window-options';

// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), applied to the
// options the window factory really builds, including when a caller tries to weaken them.
function checklistViolations(options: ReturnType<typeof buildWindowOptions>): string[] {
  const prefs = options.webPreferences ?? {};
  const problems: string[] = [];
  if (prefs.nodeIntegration !== false) problems.push('nodeIntegration must be false (checklist 2)');
  if (prefs.nodeIntegrationInWorker !== false) problems.push('nodeIntegrationInWorker must be false (checklist 2)');
  if (prefs.nodeIntegrationInSubFrames !== false) problems.push('nodeIntegrationInSubFrames must be false (checklist 2)');
  if (prefs.contextIsolation !== true) problems.push('contextIsolation must be true (checklist 3)');
  if (prefs.sandbox !== true) problems.push('sandbox must be true (checklist 4)');
  if (prefs.webSecurity !== true) problems.push('webSecurity must stay on (checklist 6)');
  if (prefs.allowRunningInsecureContent !== false) problems.push('allowRunningInsecureContent must be false (checklist 8)');
  if (prefs.experimentalFeatures !== false) problems.push('experimentalFeatures must be false (checklist 9)');
  if (prefs.enableBlinkFeatures) problems.push('enableBlinkFeatures must be empty (checklist 10)');
  if (prefs.webviewTag !== false) problems.push('webviewTag must be false (checklist 11)');
  if (!prefs.preload) problems.push('a preload script is required for the bridge');
  return problems;
}

describe('the window factory', () => {
  it('builds options that pass Electron’s security checklist', () => {
    expect(checklistViolations(buildWindowOptions('/app/preload.cjs'))).toEqual([]);
  });

  it('applies the secure settings last, so an override cannot weaken them', () => {
    const hostile = buildWindowOptions('/app/preload.cjs', {
      width: 640,
      webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webviewTag: true, webSecurity: false, preload: '/tmp/evil.js' },
    });
    expect(checklistViolations(hostile)).toEqual([]);
    expect(hostile.webPreferences?.preload).toBe('/app/preload.cjs');
    expect(hostile.width).toBe(640);
  });
});
