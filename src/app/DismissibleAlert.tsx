/** An error message (role alert) with a button that dismisses it; the message alone is announced. */
import type { ReactNode } from 'react';

export function DismissibleAlert({
  children,
  onDismiss,
  className,
}: {
  children: ReactNode;
  onDismiss: () => void;
  className?: string;
}) {
  return (
    <div className={className ? `alert ${className}` : 'alert'}>
      <p role="alert">{children}</p>
      <button type="button" className="link" onClick={onDismiss} aria-label="Dismiss error">
        ×
      </button>
    </div>
  );
}
