/**
 * Fault injection for the local cloud: a plan (options or `SLUICE_FAULTS`) of S3 write failures, a function
 * outage and duplicate deliveries, applied at the seams by `FaultInjector`; and hostile material a test puts
 * in itself: poison records for the stream and a corrupt Parquet file for the lake.
 */
export { FAULT_PLAN_VARIABLE, type FaultPlan, faultPlanFromEnvironment, parseFaultPlan } from './fault-plan';
export { corruptParquetFile, POISON_RECORDS, type PoisonRecord } from './hostile-material';
export { type FaultCounts, FaultInjector, InjectedOutageError } from './injected-faults';
