package dev.ao4j.cu.core;

/**
 * The total order of evaluations: by timestamp, then ordinate (the nonce, or the nonce before a cron), then
 * scheduled before cron, then cron id. A cron generated after nonce n shares n as ordinate but sorts after it.
 */
public final class EvaluationOrder {
    private EvaluationOrder() {}

    public static int compare(long ts1, long ord1, String cron1, long ts2, long ord2, String cron2) {
        int byTime = Long.compare(ts1, ts2);
        if (byTime != 0) {
            return byTime;
        }
        int byOrdinate = Long.compare(ord1, ord2);
        if (byOrdinate != 0) {
            return byOrdinate;
        }
        return (cron1 == null ? "" : cron1).compareTo(cron2 == null ? "" : cron2);
    }
}
