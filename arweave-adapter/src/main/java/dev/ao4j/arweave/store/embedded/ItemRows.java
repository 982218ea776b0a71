package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.StoredItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code items} and {@code item_tags} rows: written from verified items, read back (joined with the block)
 * as {@link StoredItem}s; {@code header} is the item's bytes without its data.
 */
final class ItemRows {
    private ItemRows() {}

    static StoredItem toStoredItem(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        DataItem header;
        try {
            header = DataItem.parse(rs.getBytes("header"));
        } catch (Ans104Exception e) {
            throw new SQLException("stored header of " + id + " does not parse: " + e.getMessage(), e);
        }
        return new StoredItem(
                id,
                Base64Url.encode(header.signature()),
                Base64Url.encode(header.owner()),
                header.ownerAddress(),
                header.target(),
                header.anchor(),
                header.tags(),
                rs.getLong("data_size"),
                Optional.ofNullable(rs.getString("content_type")),
                Optional.of(new BlockInfo(rs.getLong("height"), rs.getString("block_id"), rs.getString("block_previous"), rs.getLong("block_timestamp"))),
                Optional.ofNullable(rs.getString("bundled_in")));
    }

    /** Inserts the items not yet stored, with their tag index rows; returns the first item's accepted time (the original one when a repeat). */
    static long insert(Connection writer, List<EmbeddedPermastore.Pending> items, long height, long now) throws SQLException {
        long firstAccepted = now;
        try (PreparedStatement existing = writer.prepareStatement("SELECT accepted_ms FROM items WHERE id = ?");
             PreparedStatement insert = writer.prepareStatement("""
                     INSERT INTO items(id, owner_address, recipient, bundled_in, height, accepted_ms, data_size, content_type, header, data)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", PreparedStatement.RETURN_GENERATED_KEYS);
             PreparedStatement tag = writer.prepareStatement("INSERT OR IGNORE INTO item_tags(name, value, seq) VALUES (?, ?, ?)")) {
            for (int i = 0; i < items.size(); i++) {
                DataItem item = items.get(i).item();
                existing.setString(1, item.id());
                try (ResultSet rs = existing.executeQuery()) {
                    if (rs.next()) {
                        if (i == 0) {
                            firstAccepted = rs.getLong(1);
                        }
                        continue;
                    }
                }
                byte[] raw = item.raw();
                byte[] data = item.data();
                int headerLength = raw.length - data.length;
                insert.setString(1, item.id());
                insert.setString(2, item.ownerAddress());
                insert.setString(3, item.target().orElse(null));
                insert.setString(4, items.get(i).bundledIn());
                insert.setLong(5, height);
                insert.setLong(6, now);
                insert.setLong(7, data.length);
                insert.setString(8, contentType(item.tags()));
                insert.setBytes(9, Arrays.copyOf(raw, headerLength));
                insert.setBytes(10, data);
                insert.executeUpdate();
                long seq;
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    seq = keys.getLong(1);
                }
                for (Tag t : item.tags()) {
                    tag.setString(1, t.name());
                    tag.setString(2, t.value());
                    tag.setLong(3, seq);
                    tag.addBatch();
                }
                tag.executeBatch();
            }
        }
        return firstAccepted;
    }

    private static String contentType(List<Tag> tags) {
        return tags.stream().filter(t -> t.name().equalsIgnoreCase("Content-Type")).map(Tag::value).findFirst().orElse(null);
    }
}
