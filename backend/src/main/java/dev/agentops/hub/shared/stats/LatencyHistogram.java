package dev.agentops.hub.shared.stats;


/**
 * Log-scale latency histogram (bucket width factor 1.3, 64 buckets, see V005__dashboards.sql) that rollups can
 * add and subtract, so percentiles come from pre-aggregated rows instead of a scan of runs.
 */
public final class LatencyHistogram {

    public static final int BUCKETS = 64;
    private static final double FACTOR = 1.3;

    private LatencyHistogram() {
    }

    public static int bucketOf(long durationMs) {
        int index = (int) Math.floor(Math.log(Math.max(0, durationMs) + 1.0) / Math.log(FACTOR));
        return Math.min(BUCKETS - 1, index);
    }

    /** The p-th percentile (0..100) estimated at the geometric middle of its bucket; null without samples. */
    public static Long percentile(long[] counts, double p) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total <= 0) {
            return null;
        }
        double rank = Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                double lower = Math.pow(FACTOR, i) - 1;
                double upper = Math.pow(FACTOR, i + 1) - 1;
                return Math.round(Math.sqrt(Math.max(lower, 0.5) * upper));
            }
        }
        return null;
    }
}
