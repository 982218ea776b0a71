package dev.ao4j.lambda;

/** What one cron tick did: the crank steps it enqueued. */
public record CronTickResult(int enqueued) {}
