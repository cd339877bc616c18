import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { httpsOnly } from './SafeLink';

/** Keeps only https URLs; everything else (relative, http, javascript:, data:) becomes empty. */
function urlTransform(url: string): string {
  return httpsOnly(url) ?? '';
}

const components: Components = {
  a: ({ href, children }) => {
    const safe = href ? httpsOnly(href) : undefined;
    if (!safe) return <span className="readme-dead-link">{children}</span>;
    return (
      <a href={safe} target="_blank" rel="noopener noreferrer" title={safe}>
        {children}
      </a>
    );
  },
  // Remote images are never loaded (no remote resources): the alt text stands in for them.
  img: ({ alt }) => (
    <span className="readme-image-alt" title="Image not loaded: ChartDesk does not fetch remote resources">
      {alt ? `[image: ${alt}]` : '[image]'}
    </span>
  ),
};

/**
 * A chart's README rendered from GitHub-flavoured Markdown (tables, task lists) without raw HTML,
 * with https-only links and no images. Memoized: parsing a long README takes a few hundred ms, so
 * it runs again only when the text changes, not on each render of the views around it.
 */
export const ReadmeView = memo(function ReadmeView({ text }: { text: string }) {
  return (
    <div className="readme" data-testid="readme">
      <Markdown skipHtml remarkPlugins={[remarkGfm]} urlTransform={urlTransform} components={components}>
        {text}
      </Markdown>
    </div>
  );
});
