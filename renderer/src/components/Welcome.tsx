/** The first screen: what ChartDesk does and the first step to take. */
export function Welcome({ hasRepos }: { hasRepos: boolean }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{hasRepos ? 'Pick a repository' : 'Welcome to ChartDesk'}</h2>
      {hasRepos ? (
        <p>Choose a repository on the left to browse its charts.</p>
      ) : (
        <>
          <p>Keep your Helm chart repo credentials in the OS keychain, get ChartMuseum tokens in one click and browse chart indexes of any size.</p>
          <p className="first-step">
            <strong>First step:</strong> add a repository. Its secret goes to the keychain, never to a file.
          </p>
        </>
      )}
    </section>
  );
}
