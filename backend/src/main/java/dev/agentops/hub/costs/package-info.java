/**
 * Costs and budgets.
 *
 * <p>Every figure is read from the hourly rollups the ingest workers update in their own transaction (never a scan of
 * runs, except the per-run CSV export), and carries the number of unpriced runs next to it, so that a total is never
 * silently too low. Rollup buckets are UTC hours; a bucket counts to the local day or budget period in which the hour
 * ends (exact for whole-hour zones; in a half-hour zone the bucket holding local midnight goes to the new period).
 *
 * <p>Budgets have no stored spend and no reset job: {@link dev.agentops.hub.costs.BudgetStatus} derives the current
 * calendar period (organization time zone, weeks from Monday) from the injected clock and the spend from the rollups,
 * so a reset cannot be missed and an edit cannot wipe spend. {@link dev.agentops.hub.costs.BudgetEvaluator} records
 * crossed thresholds as rows unique per budget, period start and threshold, which makes each alert and each auto-pause
 * happen exactly once per period across workers and instances; those rows are also the notifications outbox.
 */
package dev.agentops.hub.costs;
