/** "A new version is ready — Reload": shown when a new version has installed in the background. */
import './UpdateNotice.css';
import { useUpdateStore } from './service-worker';

export function UpdateNotice() {
  const apply = useUpdateStore((s) => s.apply);
  const dismiss = useUpdateStore((s) => s.dismiss);
  if (!apply) return null;
  return (
    <div className="update-notice" role="status">
      <span>A new version is ready.</span>
      <button type="button" onClick={apply}>
        Reload
      </button>
      <button type="button" className="link" onClick={dismiss}>
        Not now
      </button>
    </div>
  );
}
