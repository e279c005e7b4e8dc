import { useEffect, useRef, useState } from 'preact/hooks';
import type { ResultView } from '@/lib/messaging/protocol';
import { send } from './send';

/** Results for the current query; answers to older keystrokes never overwrite newer ones. */
export function useSearch(query: string, enabled: boolean) {
  const [results, setResults] = useState<ResultView[]>([]);
  const [settledQuery, setSettledQuery] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (!query.trim()) {
      setResults([]);
      setSettledQuery(query);
      return;
    }
    // Not answered yet, rather than "nothing matches": the search runs once the worker is ready.
    if (!enabled) return;
    // A message sent while the worker is stopping can be lost; one retry reaches the woken worker.
    const ask = () => send('search', { query, limit: 20 });
    ask()
      .catch(() => (ticket === latest.current ? ask() : Promise.reject(new Error('superseded'))))
      .then(
        (found) => {
          if (ticket !== latest.current) return;
          setResults(found);
          setSettledQuery(query);
        },
        () => {
          if (ticket === latest.current) setResults([]);
        },
      );
  }, [query, enabled]);

  return { results, settledQuery };
}
