import { Dialog } from '../../components/Dialog';
import { KeyringPanel } from './KeyringPanel';

/** The keyring panel in a dialog (until it has its place in Settings). */
export function KeyringDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="Keyring"
      size="lg"
      onClose={onClose}
      testId="keyring-dialog"
      footer={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      <KeyringPanel />
    </Dialog>
  );
}
