package dev.ao4j.gateway;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.PutReceipt;
import dev.ao4j.http.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bundler upload endpoints: {@code POST /tx} and {@code POST /tx/{currency}} with a signed data item
 * (a bundle item's nested items are stored too), or the bytes of an ANS-104 bundle, as
 * {@code application/octet-stream}. Answers as a bundler does: {@code {id, timestamp, ...}}.
 */
@Path("/tx")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {
    /** The receipt format version bundlers report. */
    private static final String VERSION = "1.0.0";

    @Inject
    Permastore store;

    @Inject
    GatewayConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Map<String, Object> upload(byte[] body) {
        return accept(body);
    }

    @POST
    @Path("{currency: [a-z0-9-]+}")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Map<String, Object> uploadFor(@PathParam("currency") String currency, byte[] body) {
        return accept(body);
    }

    private Map<String, Object> accept(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("expected a signed ANS-104 data item as application/octet-stream");
        }
        DataItem item;
        try {
            item = DataItem.parse(body);
        } catch (Ans104Exception notAnItem) {
            return acceptBundle(body, notAnItem);
        }
        if (item.tag("Bundle-Format").filter("binary"::equals).isPresent()) {
            limitItems(item.data()); // its nested items are stored, and verified, too
        }
        try {
            PutReceipt receipt = store.put(item);
            return receipt(receipt, item.ownerAddress());
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }

    /** Bytes that are not one item may be a bare bundle: each of its items is stored. */
    private Map<String, Object> acceptBundle(byte[] body, Ans104Exception notAnItem) {
        List<DataItem> items;
        try {
            limitItems(body);
            items = Bundle.parse(body);
        } catch (Ans104Exception notABundle) {
            throw ApiException.badRequest("not a data item (" + notAnItem.getMessage() + ") nor a bundle (" + notABundle.getMessage() + ")");
        }
        if (items.isEmpty()) {
            throw ApiException.badRequest("bundle: holds no items");
        }
        try {
            for (DataItem item : items) {
                if (!item.verify()) {
                    throw ApiException.badRequest("bundle item " + item.id() + ": signature: does not verify against the owner's key");
                }
            }
            List<String> ids = new ArrayList<>();
            PutReceipt first = null;
            for (DataItem item : items) {
                PutReceipt receipt = store.put(item);
                first = first == null ? receipt : first;
                ids.add(item.id());
            }
            Map<String, Object> answer = receipt(first, items.getFirst().ownerAddress());
            answer.put("ids", ids);
            return answer;
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }

    /** Nested bundles deeper than this are refused by the store; counting stops there too. */
    private static final int MAX_COUNTED_DEPTH = 4;

    /**
     * Refuses (413) a bundle holding more items than allowed, nested bundles' items included, before any item is
     * verified or stored. Each level's header count is checked before that level is parsed, so parsing never goes
     * far past the allowance.
     */
    private void limitItems(byte[] bundle) {
        countItems(bundle, config.maxBundleItems(), 0);
    }

    private long countItems(byte[] bundle, long allowance, int depth) {
        long count;
        try {
            count = Bundle.declaredCount(bundle);
        } catch (Ans104Exception notABundle) {
            return 0; // not a bundle at all: parsing says why
        }
        if (count > allowance) {
            throw new ApiException(413, "bundle: holds more than " + config.maxBundleItems()
                    + " items (nested bundles included); this gateway takes at most that many per upload");
        }
        if (depth >= MAX_COUNTED_DEPTH) {
            return count;
        }
        List<DataItem> items;
        try {
            items = Bundle.parse(bundle);
        } catch (Ans104Exception malformed) {
            return count; // refused when stored, with the parser's reason
        }
        long total = count;
        for (DataItem item : items) {
            if (item.tag("Bundle-Format").filter("binary"::equals).isPresent()) {
                total += countItems(item.data(), allowance - total, depth + 1);
            }
        }
        return total;
    }

    private static Map<String, Object> receipt(PutReceipt receipt, String owner) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", receipt.id());
        answer.put("timestamp", receipt.timestamp());
        answer.put("version", VERSION);
        answer.put("owner", owner);
        answer.put("block", receipt.blockHeight());
        answer.put("deadlineHeight", receipt.blockHeight());
        answer.put("dataCaches", List.of());
        answer.put("fastFinalityIndexes", List.of());
        if (!receipt.nestedIds().isEmpty()) {
            answer.put("nestedIds", receipt.nestedIds());
        }
        return answer;
    }
}
