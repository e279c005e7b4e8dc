/**
 * Resolves once the browser has presented the page's first frame with content (Paint Timing's
 * `first-contentful-paint`), or after `fallbackMs`: a tab opened in the background paints nothing
 * until it is shown, and a browser without Paint Timing reports nothing.
 */
export function firstContentfulPaint(fallbackMs = 500): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, fallbackMs);
    try {
      const observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length === 0) return;
        observer.disconnect();
        clearTimeout(timer);
        done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      clearTimeout(timer);
      done();
    }
  });
}
