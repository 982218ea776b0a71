package dev.ao4j.arweave.store;

import java.util.List;

/** One page of a cursor-paginated query: each edge's cursor resumes the query after that edge. */
public record Page<T>(List<Edge<T>> edges, boolean hasNextPage) {
    public Page {
        edges = List.copyOf(edges);
    }

    public record Edge<T>(String cursor, T node) {}

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
