package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.store.BlockInfo;
import dev.ao4j.arweave.store.StoredItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Turns an {@code items} row joined with its block into a {@link StoredItem}; {@code header} is the item's bytes without its data. */
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
}
