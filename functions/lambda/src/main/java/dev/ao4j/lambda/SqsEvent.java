package dev.ao4j.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The part of Lambda's SQS event the crank step reads: each record's id, receipt handle, body and system attributes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SqsEvent(@JsonProperty("Records") List<Message> records) {
    public SqsEvent {
        records = records == null ? List.of() : List.copyOf(records);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String messageId, String receiptHandle, String body, Map<String, String> attributes) {
        public Message {
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }

        /** SQS's delivery count of this message (1 = first delivery). */
        public int receiveCount() {
            try {
                return Math.max(1, Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1")));
            } catch (NumberFormatException e) {
                return 1;
            }
        }
    }
}
