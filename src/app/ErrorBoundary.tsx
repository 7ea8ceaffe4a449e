/**
 * The page's last line of defence: a render-time throw anywhere below shows this instead of a
 * blank page. The game is saved as it changes (store/game.ts: new moves within a quarter of a
 * second, and at once as the page goes), so Reload brings it back as it was; the error is shown
 * so that it can be reported.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** What Reload does (tests pass a spy). */
  readonly reload?: () => void;
}

interface State {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for a bug report; the page itself shows the short message.
    console.warn('Sokoban Playground hit a bug:', error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const reload = this.props.reload ?? (() => window.location.reload());
    return (
      <main className="app crash">
        <h1>Sokoban Playground</h1>
        <div className="alert">
          <p role="alert">
            Something went wrong and the page stopped: {error.message || error.name}
          </p>
        </div>
        <p>Your levels and moves are saved. Reload to carry on where you were.</p>
        <button type="button" className="primary" onClick={reload}>
          Reload
        </button>
      </main>
    );
  }
}
