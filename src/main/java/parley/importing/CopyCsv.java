package parley.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}: one round trip and no statement to parse per batch,
 * where a multi-row {@code INSERT} binds 18 parameters a row. Every string is quoted, so an empty string stays empty,
 * {@code NULL} is an unquoted empty field, and a line {@code \.} inside a body cannot end the data early.
 */
final class CopyCsv implements RowValues {
  private final StringBuilder csv = new StringBuilder(1 << 16);
  private int rows;
  private boolean rowStarted;

  @Override
  public CopyCsv add(Long value) {
    separate();
    if (value != null) csv.append(value.longValue());
    return this;
  }

  @Override
  public CopyCsv add(long value) {
    separate();
    csv.append(value);
    return this;
  }

  @Override
  public CopyCsv add(String value) {
    separate();
    if (value != null) {
      csv.append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"') csv.append('"');
        csv.append(c);
      }
      csv.append('"');
    }
    return this;
  }

  void endRow() {
    csv.append('\n');
    rowStarted = false;
    rows++;
  }

  int rows() {
    return rows;
  }

  int chars() {
    return csv.length();
  }

  /** Sends the rows into {@code table} (its columns in the order added) and starts empty again. */
  void copyInto(Connection connection, String table) throws SQLException {
    if (rows == 0) return;
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    try {
      connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " FROM STDIN (FORMAT csv)", new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
    csv.setLength(0);
    rows = 0;
  }

  private void separate() {
    if (rowStarted) csv.append(',');
    rowStarted = true;
  }
}
