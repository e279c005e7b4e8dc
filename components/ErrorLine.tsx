import type { ErrorView } from '@/lib/messaging/protocol';

/** Codes that are the person's own choice, not a fault: said calmly, not in red. */
const NEUTRAL = new Set<ErrorView['code']>(['AUTH_CANCELLED']);

/** One error sentence: an alert in red, or a quiet status line for a cancelled action. */
export function ErrorLine({ error }: { error: ErrorView }) {
  if (NEUTRAL.has(error.code)) {
    return (
      <p class="muted" role="status">
        {error.message}
      </p>
    );
  }
  return (
    <p class="error" role="alert">
      {error.message}
    </p>
  );
}
