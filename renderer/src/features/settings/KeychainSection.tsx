import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useToasts } from '../../components/Toasts';
import { useAsync } from '../../hooks/useAsync';
import { SwitchSetting } from './SettingControls';
import type { Settings, SettingsChanges } from './types';

const STATE_WORDS = { available: 'In use', locked: 'Locked', missing: 'Not available', 'session-only': 'Session only' } as const;
const secrets = (count: number) => `${count} secret${count === 1 ? '' : 's'}`;

/** Settings → Keychain: where secrets live, the session-only switch, and Forget all secrets (after a confirmation naming the count). */
export function KeychainSection({ settings, onChange, onKeychainChanged }: { settings: Settings; onChange: (changes: SettingsChanges) => Promise<unknown>; onKeychainChanged: () => void }) {
  const [generation, setGeneration] = useState(0);
  const [summary] = useAsync(() => api.secretsSummary({}), `secrets:${settings.sessionOnly}:${generation}`);
  const [confirming, setConfirming] = useState<number>();
  const toasts = useToasts();
  const refresh = () => {
    setGeneration((g) => g + 1);
    onKeychainChanged();
  };
  const switchSessionOnly = async (sessionOnly: boolean) => {
    await onChange({ sessionOnly });
    refresh();
  };
  if (summary.status === 'error') return <ErrorBox problem={toProblem(summary.error)} title="The keychain state could not be read" />;
  if (summary.status === 'loading') return <Loading label="Asking the keychain…" />;
  const { count, keychain } = summary.value;
  return (
    <>
      <dl className="facts keychain-facts" data-testid="keychain-facts">
        <div>
          <dt>Keychain</dt>
          <dd className={`keychain keychain-${keychain.state}`}>{STATE_WORDS[keychain.state]}</dd>
        </div>
        <div>
          <dt>Secrets stored</dt>
          <dd data-testid="secret-count">{count}</dd>
        </div>
      </dl>
      <p className="field-hint">{keychain.detail}</p>
      <SwitchSetting
        label="Session-only mode"
        checked={settings.sessionOnly}
        onSave={switchSessionOnly}
        hint="While on, ChartDesk leaves the OS keychain alone: secrets you enter are kept in memory and forgotten when ChartDesk quits, and nothing is written. Secrets saved before stay in the vault but cannot be used until you turn it off."
        testId="setting-session-only"
      />
      <SwitchSetting
        label="Let docker login and helm registry login save logins in ChartDesk"
        checked={settings.credentialHelperWrites}
        onSave={(credentialHelperWrites) => onChange({ credentialHelperWrites })}
        hint={
          <>
            For config files that send a registry to ChartDesk’s credential helper (<code>docker-credential-chartdesk</code>, set up from a registry’s helm commands). Off, the helper only hands out the logins you keep in ChartDesk; on, a <code>docker login</code> or <code>helm registry login</code> saves its password here and a logout clears it.
          </>
        }
        testId="setting-helper-writes"
      />
      <h3 className="section-title">Forget all secrets</h3>
      <p className="field-hint">Removes every password, API key and token ChartDesk stores, the encrypted vault and its key in the OS keychain, as on a fresh install. Your repos stay.</p>
      <button type="button" className="danger-outline" disabled={count === 0} onClick={() => setConfirming(count)}>
        Forget all secrets…
      </button>
      {confirming !== undefined && (
        <ConfirmDialog
          title={`Forget ${secrets(confirming)}?`}
          confirmLabel={`Forget ${secrets(confirming)}`}
          onConfirm={async () => {
            const result = await api.forgetAllSecrets({ expectedCount: confirming });
            toasts.show(result.message, 'ok');
          }}
          onDone={() => {
            setConfirming(undefined);
            refresh();
          }}
          onClose={() => setConfirming(undefined)}
          testId="forget-secrets-dialog"
        >
          <p>
            ChartDesk will forget <strong>{secrets(confirming)}</strong> and remove the vault key from the keychain. This cannot be undone: you will have to enter each repo’s secret again.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
