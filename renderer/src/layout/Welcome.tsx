/** The first screen: what ChartDesk does and the first step to take (`sessionOnly`: no usable keychain right now). */
export function Welcome({ hasRepos, sessionOnly = false, onAdd, onImport }: { hasRepos: boolean; sessionOnly?: boolean; onAdd: () => void; onImport: () => void }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{hasRepos ? 'Pick a repository' : 'Welcome to ChartDesk'}</h2>
      {hasRepos ? (
        <p>Choose a repository on the left to browse its charts, run its auth flow or inspect its token.</p>
      ) : (
        <>
          <p>Keep your Helm chart repo credentials in the OS keychain, get ChartMuseum tokens in one click and browse chart indexes of any size.</p>
          <p className="first-step">
            <strong>First step:</strong> add a repository.{' '}
            {sessionOnly ? 'Without a keychain its secret stays in memory for this session, never in a file.' : 'Its secret goes to the keychain, never to a file.'}
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={onAdd}>
              Add a repository
            </button>
            <button type="button" onClick={onImport}>
              Import from Helm
            </button>
          </div>
        </>
      )}
    </section>
  );
}
