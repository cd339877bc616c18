import { Component, Suspense, type ReactNode } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/States';
import { ChunkLoadError } from './lazyView';

/** Props of LazyBoundary. */
export interface LazyBoundaryProps {
  children: ReactNode;
  /** Shown while the code loads; a "Loading…" line unless given. */
  fallback?: ReactNode;
  /** Puts the load failure in a frame (a dialog's failure shows in a dialog); in place unless given. */
  frame?: (failure: ReactNode) => ReactNode;
}

interface BoundaryState {
  failed?: ChunkLoadError;
  /** Not a load failure: thrown again for the boundary above. */
  other?: { error: unknown };
}

/**
 * Where lazy views render: the fallback while their code loads, and if it cannot load, an error
 * with a Reload button. Any other error goes on to the boundary above, as if this one were not there.
 */
export class LazyBoundary extends Component<LazyBoundaryProps, BoundaryState> {
  override state: BoundaryState = {};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return error instanceof ChunkLoadError ? { failed: error } : { other: { error } };
  }

  override render() {
    if (this.state.other) throw this.state.other.error;
    const { failed } = this.state;
    if (failed) {
      const box = (
        <ErrorBox problem={{ kind: 'chunk-load', step: 'ui', message: failed.message, hint: 'ChartDesk may have been updated or stopped meanwhile: reload the window.' }} title="This part of ChartDesk did not load">
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </ErrorBox>
      );
      return this.props.frame ? this.props.frame(box) : box;
    }
    return <Suspense fallback={this.props.fallback ?? <Loading label="Loading…" />}>{this.props.children}</Suspense>;
  }
}
