package dev.ao4j.gateway;

import dev.ao4j.arweave.store.ByteRange;
import dev.ao4j.arweave.store.DataSlice;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoredItem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * An item's data: {@code GET /{id}} and {@code GET /raw/{id}} (both honour a single {@code Range}, as the
 * WeaveDrive extension reads), and {@code HEAD /{id}}, which the MU uses to tell a process from a wallet.
 * Only 43-character ids match, so these paths never capture {@code /mu}, {@code /su}, {@code /cu} or {@code /q}.
 *
 * <p>Anyone can upload data, and it is served from the same origin as the units, with the uploader's
 * Content-Type. So every answer carries {@code Content-Security-Policy: sandbox} (an uploaded HTML page runs as
 * an opaque origin: no scripts, no access to this origin) and {@code X-Content-Type-Options: nosniff}.
 */
@Path("/")
public class DataResource {
    static final String ID = "{id: [A-Za-z0-9_-]{43}}";
    private static final String OCTET_STREAM = "application/octet-stream";
    static final String CSP = "Content-Security-Policy";
    static final String SANDBOX = "sandbox";
    static final String NOSNIFF = "X-Content-Type-Options";

    @Inject
    Permastore store;

    @GET
    @Path(ID)
    public Response data(@PathParam("id") String id, @HeaderParam("Range") String range) {
        return serve(id, range);
    }

    @GET
    @Path("raw/" + ID)
    public Response raw(@PathParam("id") String id, @HeaderParam("Range") String range) {
        return serve(id, range);
    }

    @HEAD
    @Path(ID)
    public Response head(@PathParam("id") String id) {
        StoredItem item = item(id);
        return untrusted(Response.ok())
                .type(item.contentType().orElse(OCTET_STREAM))
                .header(HttpHeaders.CONTENT_LENGTH, item.dataSize())
                .header("Accept-Ranges", "bytes")
                .build();
    }

    private Response serve(String id, String rangeHeader) {
        StoredItem item = item(id);
        Optional<ByteRangeHeader> range;
        try {
            range = ByteRangeHeader.parse(rangeHeader, item.dataSize());
        } catch (ByteRangeHeader.UnsatisfiableRange e) {
            return untrusted(Response.status(416)).header("Content-Range", "bytes */" + item.dataSize()).build();
        }
        DataSlice slice = slice(id, range.map(ByteRangeHeader::toByteRange).orElse(ByteRange.ALL));
        Response.ResponseBuilder response = untrusted(Response.status(range.isPresent() ? 206 : 200))
                .entity(slice.bytes())
                .type(item.contentType().orElse(OCTET_STREAM))
                .header("Accept-Ranges", "bytes");
        range.ifPresent(r -> response.header("Content-Range", r.contentRange(slice.totalSize())));
        return response.build();
    }

    /** Headers for bytes an anonymous uploader chose: never run as this origin's page, never sniffed. */
    private static Response.ResponseBuilder untrusted(Response.ResponseBuilder response) {
        return response.header(CSP, SANDBOX).header(NOSNIFF, "nosniff");
    }

    private StoredItem item(String id) {
        try {
            return store.item(id).orElseThrow(() -> GatewayErrors.notFound(id));
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }

    private DataSlice slice(String id, ByteRange range) {
        try {
            return store.data(id, range).orElseThrow(() -> GatewayErrors.notFound(id));
        } catch (PermastoreException e) {
            throw GatewayErrors.of(e);
        }
    }
}
