import { useEffect, useState } from 'react';
import { knownIcon, loadIcon } from './iconLoader';

/** Rows must stay visible this long before their icon is fetched, so fast scrolling fetches nothing. */
const SETTLE_MS = 120;

function hueOf(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) % 360;
  return hash;
}

/** A chart's icon (mount one per chart name), loaded lazily through the core; a lettered tile while loading or when there is none. */
export function ChartIcon({ repoId, name, size = 32 }: { repoId: string; name: string; size?: number }) {
  const [url, setUrl] = useState<string | null | undefined>(() => knownIcon(repoId, name));
  useEffect(() => {
    if (knownIcon(repoId, name) !== undefined) return;
    let current = true;
    const timer = setTimeout(() => {
      void loadIcon(repoId, name).then((loaded) => current && setUrl(loaded));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [repoId, name]);
  if (url) {
    return <img className="chart-icon" src={url} alt="" width={size} height={size} data-testid="chart-icon-image" onError={() => setUrl(null)} />;
  }
  return (
    <span className="chart-icon chart-icon-fallback" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.45, ['--tile-hue' as string]: hueOf(name) }}>
      {name.charAt(0).toUpperCase()}
    </span>
  );
}
