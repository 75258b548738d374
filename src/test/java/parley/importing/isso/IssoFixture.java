package parley.importing.isso;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds an Isso database file from a SQL script (statements end at a line ending in ';'), with SQLite itself. */
public final class IssoFixture {
  private IssoFixture() {}

  public static Path database(Path script) {
    try {
      Path db = Files.createTempFile("isso", ".db");
      Files.delete(db);
      db.toFile().deleteOnExit();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
        StringBuilder statement = new StringBuilder();
        for (String line : Files.readAllLines(script)) {
          if (line.startsWith("--")) continue;
          statement.append(line).append('\n');
          if (line.strip().endsWith(";")) {
            st.execute(statement.toString());
            statement.setLength(0);
          }
        }
      }
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
