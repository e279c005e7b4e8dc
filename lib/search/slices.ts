/**
 * A long computation written as a generator that yields between slices of its work, so one body of
 * code runs either at once ({@link runAtOnce}) or a slice at a time between other events
 * ({@link runInSlices}): the worker keeps answering keystrokes while it rebuilds the index after a sync.
 */
export type Steps<T> = Generator<void, T, void>;

/** How many items a loop handles between two yields: cheap to check, fine enough to slice. */
export const ITEMS_PER_STEP = 256;

/** Runs every step now. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs the steps, handing the thread back to the event loop once a slice has taken `sliceMs`, so
 * messages (a keystroke in the omnibox, a page's search) are answered in between.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = 10): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resume) => setTimeout(resume, 0));
      sliceStart = performance.now();
    }
  }
}
