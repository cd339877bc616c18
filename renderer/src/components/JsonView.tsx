import './components.css';

/** Pretty-printed JSON in a scrollable, labelled code block (for JWT headers and claims). */
export function JsonView({ value, label, testId }: { value: unknown; label: string; testId?: string }) {
  return (
    <figure className="json-view">
      <figcaption>{label}</figcaption>
      <pre tabIndex={0} aria-label={label} data-testid={testId}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </figure>
  );
}
