package dev.ao4j.gateway;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.ItemStatus;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoredItem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /tx/{id}} (the transaction header in Arweave's JSON, tags base64url-encoded, data left out) and
 * {@code GET /tx/{id}/status} ({@code {block_height, block_indep_hash, number_of_confirmations}}, or 202
 * {@code Pending}), which the SU reads to check a base-layer assignment's settlement depth.
 */
@Path("/tx")
@Produces(MediaType.APPLICATION_JSON)
public class TxResource {
    @Inject
    Permastore store;

    @GET
    @Path(DataResource.ID)
    public Map<String, Object> transaction(@PathParam("id") String id) {
        StoredItem item;
        try {
            item = store.item(id).orElseThrow(() -> GatewayErrors.notFound(id));
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("format", 2);
        tx.put("id", item.id());
        tx.put("last_tx", item.anchor().orElse(""));
        tx.put("owner", item.owner());
        List<Map<String, String>> tags = item.tags().stream().map(TxResource::encodedTag).toList();
        tx.put("tags", tags);
        tx.put("target", item.recipient().orElse(""));
        tx.put("quantity", "0");
        tx.put("data", "");
        tx.put("data_size", Long.toString(item.dataSize()));
        tx.put("data_root", "");
        tx.put("reward", "0");
        tx.put("signature", item.signature());
        item.bundledIn().ifPresent(bundle -> tx.put("bundledIn", bundle));
        return tx;
    }

    @GET
    @Path(DataResource.ID + "/status")
    public Response status(@PathParam("id") String id) {
        ItemStatus status;
        try {
            status = store.status(id).orElseThrow(() -> GatewayErrors.notFound(id));
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
        return switch (status) {
            case ItemStatus.Pending pending -> Response.status(202).type(MediaType.TEXT_PLAIN_TYPE).entity("Pending").build();
            case ItemStatus.Confirmed confirmed -> Response.ok(Map.of(
                    "block_height", confirmed.blockHeight(),
                    "block_indep_hash", confirmed.blockId(),
                    "number_of_confirmations", confirmed.confirmations())).build();
        };
    }

    private static Map<String, String> encodedTag(Tag tag) {
        return Map.of("name", Base64Url.encode(tag.name().getBytes(StandardCharsets.UTF_8)),
                "value", Base64Url.encode(tag.value().getBytes(StandardCharsets.UTF_8)));
    }
}
