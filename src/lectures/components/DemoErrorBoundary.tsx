import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Keeps a crashing demo from taking the lecture text down with it. */
export class DemoErrorBoundary extends Component<{ title: string; children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`Demo "${this.props.title}" failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="demo-error">
        <p>
          <strong>{this.props.title}</strong> stopped with an error: {this.state.error.message}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Reload the demo
        </button>
      </div>
    );
  }
}
