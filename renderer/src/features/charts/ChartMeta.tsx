import type { ReactNode } from 'react';
import { SafeLink } from './SafeLink';
import type { ChartVersion } from './types';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="meta-section" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** What the newest version says about the chart: links, maintainers, dependencies, keywords, annotations. */
export function ChartMeta({ version }: { version: ChartVersion }) {
  const annotations = Object.entries(version.annotations);
  const links = [...(version.home ? [{ label: 'Home', url: version.home }] : []), ...version.sources.map((url) => ({ label: 'Source', url }))];
  return (
    <div className="chart-meta">
      {links.length > 0 && (
        <Section title="Links" testId="chart-links">
          <ul className="link-list">
            {links.map((link, i) => (
              <li key={i}>
                <span className="muted">{link.label}</span> <SafeLink href={link.url} />
              </li>
            ))}
          </ul>
        </Section>
      )}
      {version.maintainers.length > 0 && (
        <Section title="Maintainers" testId="chart-maintainers">
          <ul className="plain-list">
            {version.maintainers.map((m, i) => (
              <li key={i}>
                {m.url ? <SafeLink href={m.url}>{m.name}</SafeLink> : m.name}
                {m.email && <span className="muted"> · {m.email}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {version.dependencies.length > 0 && (
        <Section title="Dependencies" testId="chart-dependencies">
          <table className="mini-table">
            <tbody>
              {version.dependencies.map((d, i) => (
                <tr key={i}>
                  <td>
                    <strong>{d.alias ?? d.name}</strong>
                    {d.alias && <span className="muted"> ({d.name})</span>}
                  </td>
                  <td className="mono">{d.version ?? '*'}</td>
                  <td className="muted ellipsis" title={d.repository}>
                    {d.repository ?? ''}
                    {d.condition && <span> · if {d.condition}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      )}
      {version.keywords.length > 0 && (
        <Section title="Keywords" testId="chart-keywords">
          <div className="chips">
            {version.keywords.map((k) => (
              <span key={k} className="chip">
                {k}
              </span>
            ))}
          </div>
        </Section>
      )}
      {annotations.length > 0 && (
        <Section title="Annotations" testId="chart-annotations">
          <dl className="annotations">
            {annotations.map(([key, value]) => (
              <div key={key}>
                <dt className="mono">{key}</dt>
                <dd>
                  <pre className="mono">{value}</pre>
                </dd>
              </div>
            ))}
          </dl>
        </Section>
      )}
    </div>
  );
}
