import { applyUpdate, useUpdateAvailable } from './serviceWorker';

/** "A new version is available": shown when a newer build has been downloaded for offline use. */
export function UpdatePrompt() {
  const available = useUpdateAvailable();
  if (!available) return null;
  return (
    <div className="update-prompt" role="status">
      <span>A new version of the course is ready.</span>
      <button type="button" onClick={applyUpdate}>Update now</button>
    </div>
  );
}
