import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser has painted it (a frame, then a task after it):
 * a view can show its light parts at once and start a long render (a big README) only after that.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}
