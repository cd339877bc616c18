import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { SignPushDialog, type SignChoice } from '../provenance/SignPushDialog';
import type { PushState } from './usePushChart';

/** The dialogs a push may need: "Sign with…" when there are signing keys, "Overwrite?" on a conflict, and the failure with its step. */
export function PushDialogs({ state, repoName, onOverwrite, onDismiss, onSign }: { state: PushState; repoName: string; onOverwrite: () => void; onDismiss: () => void; onSign: (choice: SignChoice | undefined) => void }) {
  if (state.status === 'sign') {
    return <SignPushDialog fileName={state.fileName} repoName={repoName} keys={state.keys} busy={state.busy} problem={state.problem} onPush={onSign} onCancel={onDismiss} />;
  }
  if (state.status === 'conflict') {
    return (
      <Dialog
        title="Overwrite?"
        size="sm"
        onClose={onDismiss}
        testId="push-conflict"
        footer={
          <>
            <button type="button" onClick={onDismiss}>
              Cancel
            </button>
            <button type="button" className="danger-solid" onClick={onOverwrite} data-testid="push-overwrite">
              Overwrite
            </button>
          </>
        }
      >
        <p>{state.problem.message}</p>
        <p className="muted">Overwriting replaces the package in {repoName} for everyone who installs this version.</p>
      </Dialog>
    );
  }
  if (state.status === 'error') {
    return (
      <Dialog
        title={`Could not push ${state.fileName}`}
        onClose={onDismiss}
        testId="push-error"
        footer={
          <button type="button" onClick={onDismiss}>
            Close
          </button>
        }
      >
        <ErrorBox problem={state.problem} title="The push failed" />
      </Dialog>
    );
  }
  return null;
}
