import { NumberSetting, TextSetting } from './SettingControls';
import type { Settings, SettingsChanges } from './types';

/** Settings → Network: default timeouts, the proxy and an extra CA file; a repo’s own TLS settings win over these. */
export function NetworkSection({ settings, onChange }: { settings: Settings; onChange: (changes: SettingsChanges) => Promise<unknown> }) {
  return (
    <>
      <div className="setting-grid">
        <NumberSetting label="Connect timeout" unit="s" min={1} max={600} value={settings.connectTimeoutSeconds} onSave={(v) => onChange({ connectTimeoutSeconds: v })} hint="Setting up the connection (TCP and TLS)." testId="setting-connect-timeout" />
        <NumberSetting label="Response timeout" unit="s" min={1} max={3600} value={settings.responseTimeoutSeconds} onSave={(v) => onChange({ responseTimeoutSeconds: v })} hint="Waiting for a server to start answering." testId="setting-response-timeout" />
        <NumberSetting label="Stall timeout" unit="s" min={1} max={3600} value={settings.stallTimeoutSeconds} onSave={(v) => onChange({ stallTimeoutSeconds: v })} hint="A download that stops arriving for this long is given up." testId="setting-stall-timeout" />
      </div>
      <TextSetting
        label="Proxy"
        value={settings.proxyUrl}
        placeholder="from the environment (HTTPS_PROXY, HTTP_PROXY)"
        onSave={(v) => onChange({ proxyUrl: v })}
        hint="For example http://proxy.example.com:3128. Empty: the HTTPS_PROXY and HTTP_PROXY environment variables are used. No password here: settings never hold a secret."
        testId="setting-proxy"
      />
      <TextSetting label="No proxy for" value={settings.noProxy} placeholder="localhost,.internal.example.com" onSave={(v) => onChange({ noProxy: v })} hint="Hosts reached directly, comma-separated (used with the proxy above)." testId="setting-no-proxy" />
      <TextSetting
        label="Extra CA file"
        value={settings.caFile}
        placeholder="/path/to/company-ca.pem"
        onSave={(v) => onChange({ caFile: v })}
        hint="A PEM file of certificate authorities trusted besides the built-in ones, for every repo that has no CA file of its own."
        testId="setting-ca-file"
      />
    </>
  );
}
