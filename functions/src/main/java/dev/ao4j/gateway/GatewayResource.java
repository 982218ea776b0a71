package dev.ao4j.gateway;

import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.store.graphql.GatewayGraphQl;
import dev.ao4j.arweave.store.graphql.GraphQlRequestException;
import dev.ao4j.http.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateway's chain endpoints: GraphQL, {@code /info}, blocks by height, and mining for the local chain. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class GatewayResource {
    /** Network name reported by {@code /info}, so clients can tell the local chain from Arweave. */
    static final String NETWORK = "ao4j.local";

    /** The JSON body of {@code POST /graphql}. */
    public record GraphQlBody(String query, Map<String, Object> variables, String operationName) {}

    @Inject
    Permastore store;

    @Inject
    GatewayGraphQl graphQl;

    @POST
    @Path("graphql")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> graphql(GraphQlBody body) {
        if (body == null) {
            throw ApiException.badRequest("expected a JSON body {query, variables}");
        }
        try {
            return graphQl.execute(body.query(), body.variables(), body.operationName());
        } catch (GraphQlRequestException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Arweave answers its info at the root too; AO's CU reads the tip's {@code height} there. */
    @GET
    public Map<String, Object> root() {
        return info();
    }

    @GET
    @Path("info")
    public Map<String, Object> info() {
        BlockInfo tip = currentBlock();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("network", NETWORK);
        info.put("version", 5);
        info.put("release", 1);
        info.put("height", tip.height());
        info.put("current", tip.id());
        info.put("blocks", tip.height() + 1);
        info.put("peers", 0);
        info.put("queue_length", 0);
        info.put("node_state_latency", 0);
        return info;
    }

    @GET
    @Path("block/height/{height: [0-9]+}")
    public Map<String, Object> blockAtHeight(@PathParam("height") long height) {
        try {
            BlockInfo block = store.block(height).orElseThrow(() -> ApiException.notFound("block " + height + " not found"));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("indep_hash", block.id());
            json.put("height", block.height());
            json.put("previous_block", block.previous());
            json.put("timestamp", block.timestamp());
            json.put("txs", List.of());
            return json;
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }

    /**
     * arlocal's {@code GET /mine[/n]}: adds n blocks (default 1) now, so tests and local tools can reach a
     * settlement depth without waiting. Only the embedded store mines; on real Arweave this is 404.
     */
    @GET
    @Path("mine")
    public Map<String, Object> mine() {
        return mine(1);
    }

    @GET
    @Path("mine/{blocks: [0-9]{1,4}}")
    public Map<String, Object> mine(@PathParam("blocks") int blocks) {
        EmbeddedPermastore embedded = store.as(EmbeddedPermastore.class).orElseThrow(() ->
                ApiException.notFound("this gateway does not mine: blocks come from Arweave"));
        try {
            BlockInfo tip = embedded.mine(blocks);
            return Map.of("height", tip.height(), "current", tip.id());
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }

    private BlockInfo currentBlock() {
        try {
            return store.currentBlock();
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }
}
