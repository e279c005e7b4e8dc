import { test } from 'vitest';

/**
 * Steps of one scenario: each is a test of its own so a failure names the step, and once one fails
 * the later ones are skipped, since each depends on the outcome of those before it. `onFailure` may
 * record what a person would have seen.
 */
export function scenarioSteps(onFailure: (stepName: string) => Promise<void> = async () => undefined) {
  let failedStep: string | undefined;
  return function step(name: string, body: () => Promise<void>): void {
    test(name, async (context) => {
      if (failedStep) context.skip(`an earlier step failed: ${failedStep}`);
      try {
        await body();
      } catch (error) {
        failedStep = name;
        await onFailure(name);
        throw error;
      }
    });
  };
}
