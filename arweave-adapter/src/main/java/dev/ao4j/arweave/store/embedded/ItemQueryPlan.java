package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.store.ItemQuery;
import dev.ao4j.arweave.store.SortOrder;
import dev.ao4j.arweave.store.TagFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an {@link ItemQuery} as one indexed SQL scan. Items are numbered ({@code seq}) in the order they were
 * stored, which is also block order, so "sorted by height" is "sorted by seq", a block range is a seq range,
 * and the cursor is a seq. The scan is driven by the most selective criterion (ids, else the filter whose
 * index holds the fewest entries, counted up to {@link #ESTIMATE_CAP}); every other criterion is an indexed
 * existence check per candidate. This keeps a query like "Process = X AND Type = Checkpoint AND
 * Data-Protocol = ao" proportional to X's items, not to the million items tagged {@code Data-Protocol: ao}.
 */
final class ItemQueryPlan {
    private static final int ESTIMATE_CAP = 1000;

    private final ItemQuery query;
    private final Long after;

    ItemQueryPlan(ItemQuery query, Long after) {
        this.query = query;
        this.after = after;
    }

    /** Up to first + 1 matching seqs in the query's order (the extra one tells whether a next page exists). */
    List<Long> matchingSeqs(Connection c) throws SQLException {
        long low = 1;
        long high = Long.MAX_VALUE;
        if (query.block().min() != null) {
            Long seq = boundary(c, "height >= ? ORDER BY height ASC, seq ASC", query.block().min());
            if (seq == null) {
                return List.of();
            }
            low = seq;
        }
        if (query.block().max() != null) {
            Long seq = boundary(c, "height <= ? ORDER BY height DESC, seq DESC", query.block().max());
            if (seq == null) {
                return List.of();
            }
            high = seq;
        }
        boolean descending = query.sort() == SortOrder.HEIGHT_DESC;
        if (after != null) {
            if (descending) {
                high = Math.min(high, after - 1);
            } else {
                low = Math.max(low, after + 1);
            }
        }
        if (low > high) {
            return List.of();
        }

        Driver driver = chooseDriver(c);
        Sql sql = driver.select();
        sql.append(" AND " + driver.seq() + " BETWEEN ? AND ?", low, high);
        appendItemConditions(sql, driver);
        for (TagFilter tag : query.tags()) {
            if (tag != driver.tag()) {
                sql.append(" AND EXISTS (SELECT 1 FROM item_tags t WHERE t.name = ? AND t.value IN (" + Sql.placeholders(tag.values().size())
                        + ") AND t.seq = " + driver.seq() + ")", args(tag.name(), tag.values()));
            }
        }
        sql.append(" ORDER BY " + driver.seq() + (descending ? " DESC" : " ASC") + " LIMIT ?", query.first() + 1);
        List<Long> seqs = new ArrayList<>();
        try (PreparedStatement statement = sql.prepare(c); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }

    private static Long boundary(Connection c, String where, long height) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT seq FROM items INDEXED BY items_by_height WHERE " + where + " LIMIT 1")) {
            statement.setLong(1, height);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Conditions on item columns (ids, owners, recipients, bundledIn) other than the driver's own. */
    private void appendItemConditions(Sql sql, Driver driver) {
        List<String> conditions = new ArrayList<>();
        List<Object> conditionArgs = new ArrayList<>();
        addIn(conditions, conditionArgs, "id", query.ids(), driver);
        addIn(conditions, conditionArgs, "owner_address", query.owners(), driver);
        addIn(conditions, conditionArgs, "recipient", query.recipients(), driver);
        addIn(conditions, conditionArgs, "bundled_in", query.bundledIn(), driver);
        if (conditions.isEmpty()) {
            return;
        }
        sql.append(" AND EXISTS (SELECT 1 FROM items x WHERE x.seq = " + driver.seq() + " AND " + String.join(" AND ", conditions) + ")",
                conditionArgs.toArray());
    }

    private static void addIn(List<String> conditions, List<Object> args, String column, List<String> values, Driver driver) {
        if (!values.isEmpty() && !column.equals(driver.column())) {
            conditions.add("x." + column + " IN (" + Sql.placeholders(values.size()) + ")");
            args.addAll(values);
        }
    }

    private record Driver(String from, String column, TagFilter tag, String seq, List<Object> args) {
        Sql select() {
            return new Sql("SELECT DISTINCT " + seq + " FROM " + from).append("", args.toArray());
        }
    }

    private Driver chooseDriver(Connection c) throws SQLException {
        if (!query.ids().isEmpty()) {
            return itemsDriver("id", "sqlite_autoindex_items_1", query.ids());
        }
        Driver best = null;
        long bestCount = Long.MAX_VALUE;
        for (TagFilter tag : query.tags()) {
            long count = estimate(c, "item_tags WHERE name = ? AND value IN (" + Sql.placeholders(tag.values().size()) + ")",
                    args(tag.name(), tag.values()));
            // At the cap, prefer a single-value filter: its index is already in seq order.
            if (count < bestCount || (count == bestCount && tag.values().size() == 1 && best != null && best.tag() != null
                    && best.tag().values().size() > 1)) {
                bestCount = count;
                best = new Driver("item_tags d WHERE d.name = ? AND d.value IN (" + Sql.placeholders(tag.values().size()) + ")",
                        null, tag, "d.seq", Arrays.asList(args(tag.name(), tag.values())));
            }
        }
        String[][] columns = {{"owner_address", "items_by_owner"}, {"recipient", "items_by_recipient"}, {"bundled_in", "items_by_bundle"}};
        List<List<String>> values = List.of(query.owners(), query.recipients(), query.bundledIn());
        for (int i = 0; i < columns.length; i++) {
            if (values.get(i).isEmpty()) {
                continue;
            }
            long count = estimate(c, "items INDEXED BY " + columns[i][1] + " WHERE " + columns[i][0] + " IN ("
                    + Sql.placeholders(values.get(i).size()) + ")", values.get(i).toArray());
            if (count < bestCount) {
                bestCount = count;
                best = itemsDriver(columns[i][0], columns[i][1], values.get(i));
            }
        }
        return best != null ? best : new Driver("items i WHERE 1 = 1", null, null, "i.seq", List.of());
    }

    private static Driver itemsDriver(String column, String index, List<String> values) {
        return new Driver("items i INDEXED BY " + index + " WHERE i." + column + " IN (" + Sql.placeholders(values.size()) + ")",
                column, null, "i.seq", List.copyOf(values));
    }

    private static long estimate(Connection c, String fromWhere, Object[] args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM " + fromWhere + " LIMIT " + (ESTIMATE_CAP + 1) + ")")) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Object[] args(String first, List<String> rest) {
        Object[] out = new Object[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }
}
