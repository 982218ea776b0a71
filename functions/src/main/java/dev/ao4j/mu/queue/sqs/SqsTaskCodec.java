package dev.ao4j.mu.queue.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.QueueException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A crank task as an SQS message body: {@code {"id","group","type","payload"}} (the payload as a JSON string,
 * so it passes through untouched). The delivery number is SQS's ApproximateReceiveCount. Public so that the
 * Lambda SQS handler reads the same format.
 */
public final class SqsTaskCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqsTaskCodec() {}

    public static String body(CrankTask task) {
        ObjectNode body = JSON.createObjectNode()
                .put("id", task.id())
                .put("group", task.group())
                .put("type", task.type())
                .put("payload", task.payloadJson());
        return body.toString();
    }

    /** The task in a body, delivered for the {@code attempt}-th time. */
    public static CrankTask task(String body, int attempt) {
        try {
            JsonNode node = JSON.readTree(body);
            return new CrankTask(text(node, "id"), text(node, "group"), text(node, "type"), text(node, "payload"), attempt);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new QueueException("not a crank task message: " + e.getMessage(), e);
        }
    }

    public static CrankTask task(Message message) {
        return task(message.body(), receiveCount(message));
    }

    public static int receiveCount(Message message) {
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return value.asText();
    }
}
