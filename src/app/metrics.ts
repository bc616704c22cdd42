import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** Outcome of one inbound message: replied, nothing to say (a redelivery), or the "busy"/internal error reply. */
export type MessageOutcome = "replied" | "silent" | "failed";

/**
 * The service's Prometheus metrics (`GET /metrics`), one registry per app so tests and
 * several apps in one process do not share counters.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly messages = new Counter({
    name: "shenbao_messages_total",
    help: "Inbound chat messages handled, by channel and outcome",
    labelNames: ["channel", "outcome"] as const,
    registers: [this.registry],
  });
  readonly answerSeconds = new Histogram({
    name: "shenbao_answer_seconds",
    help: "Time from an inbound message to its last reply sent, by channel",
    labelNames: ["channel"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly documents = new Counter({
    name: "shenbao_documents_total",
    help: "Documents delivered (made) or given up on (failed)",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly queueDepth: Gauge<"state">;

  constructor(queueCounts: () => Promise<Record<string, number>>) {
    this.queueDepth = new Gauge({
      name: "shenbao_documents_queue_depth",
      help: "Jobs in the documents queue, by state",
      labelNames: ["state"] as const,
      registers: [this.registry],
      async collect() {
        const counts = await queueCounts().catch(() => null);
        if (!counts) return;
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: "shenbao_" });
  }
}
