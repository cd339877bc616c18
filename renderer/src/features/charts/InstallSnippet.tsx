import { CopyButton } from '../../components/CopyButton';
import type { ChartDetail } from './types';

/** The copyable helm commands for the newest version of a chart, as the core wrote them for this kind of repo. */
export function InstallSnippet({ install, version }: { install: ChartDetail['install']; version: string }) {
  return (
    <section className="install-snippet" aria-label="Install with helm">
      <div className="install-snippet-head">
        <h3>Install {version}</h3>
        <CopyButton label="Copy" ariaLabel="Copy the helm commands" getText={() => install.commands} testId="copy-install" />
      </div>
      <pre className="mono" data-testid="install-commands">{install.commands}</pre>
      {install.note && <p className="muted small">{install.note}</p>}
    </section>
  );
}
