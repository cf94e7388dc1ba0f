import CoreMetrics
import Prometheus

/// What the server counts and times, recorded through swift-metrics into the Prometheus registry
/// that `GET /metrics` prints.
///
/// Each application has a registry of its own rather than the process-wide `MetricsSystem`
/// bootstrap, which may run once per process: tests build many applications side by side.
/// Names follow Prometheus's conventions (`_total` counters, `_seconds` histograms); label values
/// are few and fixed (a channel, a status code, an outcome), never a message or a person.
struct ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    init() {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Acks and board pages take milliseconds; the default buckets start at 5 ms.
        factory.defaultDurationHistogramBuckets = [
            .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
            .milliseconds(15), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30),
        ]
        factory.valueHistogramBuckets[Self.ackBatch] = [1, 2, 4, 8, 16, 32, 64, 128, 256]
        self.registry = registry
        self.factory = factory
    }

    static let ackBatch = "fengchao_ack_batch_size"

    /// A webhook answered: its channel, HTTP status and the time to the answer (the ack).
    func webhook(channel: String, status: Int, duration: Duration) {
        Counter(
            label: "fengchao_webhook_requests_total", dimensions: [("channel", channel), ("status", "\(status)")],
            factory: factory
        ).increment()
        CoreMetrics.Timer(label: "fengchao_webhook_ack_seconds", dimensions: [("channel", channel)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// One group commit wrote `size` arrivals with one fsync.
    func ackBatch(size: Int) {
        Recorder(label: Self.ackBatch, factory: factory).record(size)
    }

    /// An inbox message was worked on: `outcome` is handled, ignored or failed; `waited` is the time
    /// from its arrival to the end of its handling.
    func processed(outcome: String, waited: Duration) {
        Counter(label: "fengchao_inbox_processed_total", dimensions: [("outcome", outcome)], factory: factory)
            .increment()
        CoreMetrics.Timer(label: "fengchao_inbox_processing_seconds", factory: factory)
            .recordNanoseconds(waited.nanoseconds)
    }

    /// One parse of one message.
    func parsed(duration: Duration) {
        CoreMetrics.Timer(label: "fengchao_parse_seconds", factory: factory).recordNanoseconds(duration.nanoseconds)
    }

    /// A photo download ended: stored, retry (failed, tried again later) or failed (given up).
    func photoDownload(outcome: String) {
        Counter(label: "fengchao_photo_downloads_total", dimensions: [("outcome", outcome)], factory: factory)
            .increment()
    }

    /// A reply delivery ended: sent, retry or failed.
    func outboxDelivery(outcome: String) {
        Counter(label: "fengchao_outbox_deliveries_total", dimensions: [("outcome", outcome)], factory: factory)
            .increment()
    }

    /// A board page was answered.
    func boardPage(status: Int, duration: Duration) {
        CoreMetrics.Timer(label: "fengchao_board_page_seconds", dimensions: [("status", "\(status)")], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
    }

    /// The queues' sizes, read from the store when scraped.
    func queues(inboxPending: Int, outbox: [(status: String, count: Int)]) {
        Gauge(label: "fengchao_inbox_backlog", factory: factory).record(inboxPending)
        for (status, count) in outbox {
            Gauge(label: "fengchao_outbox_messages", dimensions: [("status", status)], factory: factory).record(count)
        }
    }
}

extension Duration {
    /// The whole nanoseconds of the duration, as swift-metrics records time.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
