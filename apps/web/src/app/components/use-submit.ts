import { useCallback, useState } from 'react';
import { errorMessage } from './page-state';

/**
 * The state of a form's one submission: `busy` while it runs, and the server's message (already
 * Chinese) or `fallback` when it fails, for the form to show beside its button.
 */
export function useSubmit(fallback: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(undefined);
      try {
        await work();
      } catch (e) {
        setError(errorMessage(e, fallback));
      } finally {
        setBusy(false);
      }
    },
    [fallback],
  );
  return { busy, error, run };
}
