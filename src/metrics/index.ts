// Metrics: the only module that knows prom-client. Everything else records through these functions.
export {
  bindMetricSources,
  type DeliveryJob,
  type DeliveryOutcome,
  type MetricSources,
  recordAck,
  recordDecryptFailure,
  recordDeliveries,
  recordError,
  recordShed,
  recordSlackCall,
  recordTick,
  registry,
  timeAnalysis,
  type WorkspaceStates,
} from './registry.ts';
export { METRICS_PATH, type MetricsServer, metricsHandler, startMetricsServer } from './serve.ts';
export { MeteredWebClient } from './slack-calls.ts';
