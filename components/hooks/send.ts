import { createClient } from '@/lib/messaging/client';
import { runtimeTransport } from '@/lib/platform/page-platform';

/** The typed messaging client every hook uses: `send('search', { query })`. */
export const send = createClient(runtimeTransport);
