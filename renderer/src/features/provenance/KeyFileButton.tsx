import { useRef } from 'react';

/** A button that opens the file picker for a key file (armored .asc or binary .gpg/.pub/.key). */
export function KeyFileButton({ label, onFile, busy, testId }: { label: string; onFile: (file: File) => void; busy: boolean; testId: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy} data-testid={`${testId}-button`}>
        {busy ? 'Importing…' : label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".asc,.gpg,.pgp,.pub,.key,.secret,.txt,application/pgp-keys"
        data-testid={`${testId}-input`}
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
