/** Counters, gauges and one latency histogram, rendered in Prometheus' text format. */
export interface Metrics {
  /** Adds to a counter; labels must be the same set of names for every use of one counter. */
  count(name: string, labels?: Record<string, string>, by?: number): void;
  /** Records one HTTP request's duration in seconds. */
  observeRequest(route: string, status: number, seconds: number): void;
  /** Renders every metric, plus the gauges read at render time. */
  render(gauges: Record<string, { help: string; value: number }>): string;
}

const HELP: Record<string, string> = {
  directory_okta_calls_total: 'Calls the service made to Okta, by endpoint and HTTP status.',
  directory_okta_rate_limited_total: 'Okta answers of 429 (rate limited), by endpoint.',
  directory_syncs_total: 'Okta sync runs, by kind (full or delta) and result.',
  directory_introspections_total: 'Employee tokens checked with Okta introspection, by result.',
};

// Seconds; a 50,000-person snapshot is served in tens of milliseconds, introspection adds Okta's latency.
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Creates an empty metrics registry (https://prometheus.io/docs/instrumenting/exposition_formats/). */
export function createMetrics(): Metrics {
  const counters = new Map<string, Map<string, number>>();
  const histograms = new Map<string, { buckets: number[]; sum: number; count: number }>();
  return {
    count(name, labels = {}, by = 1) {
      const series = counters.get(name) ?? new Map<string, number>();
      counters.set(name, series);
      const key = labelText(labels);
      series.set(key, (series.get(key) ?? 0) + by);
    },
    observeRequest(route, status, seconds) {
      const key = labelText({ route, status: String(status) });
      const histogram = histograms.get(key) ?? { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      histograms.set(key, histogram);
      BUCKETS.forEach((bound, index) => {
        if (seconds <= bound) histogram.buckets[index]! += 1;
      });
      histogram.sum += seconds;
      histogram.count += 1;
    },
    render(gauges) {
      const lines: string[] = [];
      for (const [name, { help, value }] of Object.entries(gauges)) {
        lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${value}`);
      }
      for (const [name, series] of counters) {
        lines.push(`# HELP ${name} ${HELP[name] ?? name}`, `# TYPE ${name} counter`);
        for (const [labels, value] of series) lines.push(`${name}${labels} ${value}`);
      }
      const name = 'directory_http_request_duration_seconds';
      lines.push(
        `# HELP ${name} Time to answer HTTP requests, by route and status.`,
        `# TYPE ${name} histogram`,
      );
      for (const [labels, histogram] of histograms) {
        const inner = labels.slice(1, -1);
        BUCKETS.forEach((bound, index) =>
          lines.push(`${name}_bucket{${inner},le="${bound}"} ${histogram.buckets[index]}`),
        );
        lines.push(`${name}_bucket{${inner},le="+Inf"} ${histogram.count}`);
        lines.push(`${name}_sum${labels} ${histogram.sum}`, `${name}_count${labels} ${histogram.count}`);
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

function labelText(labels: Record<string, string>): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${entries.map(([key, value]) => `${key}="${escape(value)}"`).join(',')}}`;
}
