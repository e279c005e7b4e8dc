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
    if (!enabled || !query.trim()) {
      setResults([]);
      setSettledQuery(query);
      return;
    }
    send('search', { query, limit: 20 }).then(
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
