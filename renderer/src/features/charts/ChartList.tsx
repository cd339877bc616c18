import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { ChartRow } from './ChartRow';
import { handleListKey } from './listKeys';
import type { ChartSummary } from './types';

const ROW_HEIGHT = 58;

/** Props of the chart list. */
export interface ChartListProps {
  id: string;
  repoId: string;
  charts: ChartSummary[];
  label: string;
  active: number;
  selectedName?: string;
  onActiveChange: (index: number) => void;
  onOpen: (name: string) => void;
}

/** The id of a row's element, for aria-activedescendant. */
export function chartRowId(index: number): string {
  return `chart-row-${index}`;
}

/** A virtualized list box of charts: only the visible rows exist, so thousands scroll smoothly. */
export function ChartList({ id, repoId, charts, label, active, selectedName, onActiveChange, onOpen }: ChartListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself; React Compiler skipping it is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: charts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => charts[index]?.name ?? index,
  });

  useEffect(() => {
    if (active >= 0 && active < charts.length) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, charts.length, virtualizer]);
  // A chart opened from elsewhere (the search over every repo) is scrolled into view once the list has it.
  const selectedIndex = selectedName === undefined ? -1 : charts.findIndex((c) => c.name === selectedName);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const openAt = useCallback(
    (index: number) => {
      const chart = charts[index];
      if (!chart) return;
      onActiveChange(index);
      onOpen(chart.name);
    },
    [charts, onActiveChange, onOpen],
  );

  return (
    <div
      ref={scroller}
      id={id}
      className="chart-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={active >= 0 && active < charts.length ? chartRowId(active) : undefined}
      data-testid="chart-list"
      data-count={charts.length}
      onKeyDown={(event) => handleListKey(event, charts.length, active, onActiveChange, openAt, true)}
    >
      <div className="chart-list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const chart = charts[item.index];
          if (!chart) return null;
          return (
            <div key={item.key} className="chart-list-slot" style={{ transform: `translateY(${item.start}px)`, height: item.size }}>
              <ChartRow
                repoId={repoId}
                chart={chart}
                index={item.index}
                id={chartRowId(item.index)}
                active={item.index === active}
                selected={chart.name === selectedName}
                onOpen={openAt}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
