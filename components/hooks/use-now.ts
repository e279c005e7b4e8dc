import { useEffect, useState } from 'preact/hooks';

/** The time, refreshed every half minute so "5 min ago" stays true while a page stays open. */
export function useNow(periodMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
