package dev.ao4j.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The scheduled event (EventBridge's "Scheduled Event" shape; infra-terraform makes EventBridge Scheduler send
 * the same fields). Only logged: a tick does the same whatever its time, so a late or repeated one is harmless.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduledEvent(String id, @JsonProperty("detail-type") String detailType, String source, String time) {}
