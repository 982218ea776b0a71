package dev.ao4j.node;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AO's well-known module ids, each answered by the module this node published from the same binary
 * ({@link ModuleCatalog}), so code written for AO spawns unchanged on a local node. Trusted by configuration, not by
 * signature: the item served under an AO id is the node's own, signed by its modules wallet, never by the module's
 * original owner (docs/node.md).
 */
@Singleton
public final class ModuleAliases {
    private final Map<String, String> localByAoId = new ConcurrentHashMap<>();

    /** {@code aoId} is now answered by the published item {@code localId}. */
    public void register(String aoId, String localId) {
        localByAoId.put(aoId, localId);
    }

    /** The local item an id names: the aliased module for an AO id, else the id itself. */
    public String resolve(String id) {
        return id == null ? null : localByAoId.getOrDefault(id, id);
    }

    public Map<String, String> all() {
        return Map.copyOf(localByAoId);
    }
}
