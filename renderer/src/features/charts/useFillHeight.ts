/** Sizes an element to fill what is left of its scrolling ancestor, so inner lists scroll instead of the page. */
import { useEffect, useState } from 'react';

function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return document.documentElement;
}

/**
 * The height (px) that makes `element` end at the bottom of its scrolling ancestor's padding box
 * when that ancestor is scrolled to the top; never below `min`. Re-measured whenever the ancestor or
 * the element's parent changes size.
 */
export function useFillHeight(element: HTMLElement | null, min: number): number | undefined {
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    if (!element) return undefined;
    const container = scrollParent(element);
    const measure = () => {
      const top = element.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
      const padding = parseFloat(getComputedStyle(container).paddingBottom) || 0;
      setHeight(Math.max(min, Math.floor(container.clientHeight - top - padding)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    if (element.parentElement) observer.observe(element.parentElement);
    return () => observer.disconnect();
  }, [element, min]);
  return height;
}
