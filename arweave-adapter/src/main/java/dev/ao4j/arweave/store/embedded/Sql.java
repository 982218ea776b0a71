package dev.ao4j.arweave.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A SQL text built piece by piece with its positional arguments, so the two never drift apart. */
final class Sql {
    private final StringBuilder text;
    private final List<Object> args = new ArrayList<>();

    Sql(String start) {
        this.text = new StringBuilder(start);
    }

    Sql append(String fragment, Object... fragmentArgs) {
        text.append(fragment);
        Collections.addAll(args, fragmentArgs);
        return this;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
        return statement;
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    @Override
    public String toString() {
        return text + " " + args;
    }
}
