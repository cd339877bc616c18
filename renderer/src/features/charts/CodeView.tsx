import { useMemo } from 'react';

/** A text file in monospace with line numbers (two <pre>s, so even long files stay cheap). */
export function CodeView({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const numbers = useMemo(() => {
    const count = text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
    return Array.from({ length: Math.max(1, count) }, (_, i) => i + 1).join('\n');
  }, [text]);
  if (!text) return <p className="muted">{label} is empty.</p>;
  return (
    <div className="code-view" role="region" aria-label={label} tabIndex={0} data-testid={testId}>
      <pre className="code-gutter mono" aria-hidden="true">
        {numbers}
      </pre>
      <pre className="code-text mono">{text}</pre>
    </div>
  );
}
