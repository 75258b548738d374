package parley.importing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Where a row's values go, in column order: the parameters of a prepared statement (SQLite) or the CSV of a
 * PostgreSQL {@code COPY} ({@link CopyCsv}). A row lists its values once, for both.
 */
interface RowValues {
  RowValues add(Long value) throws SQLException;

  RowValues add(long value) throws SQLException;

  RowValues add(String value) throws SQLException;

  /** The parameters of {@code st}, from {@code first} on, one per value added. */
  static RowValues parameters(PreparedStatement st, int first) {
    return new RowValues() {
      private int next = first;

      @Override
      public RowValues add(Long value) throws SQLException {
        if (value == null) {
          st.setNull(next++, Types.BIGINT);
        } else {
          st.setLong(next++, value);
        }
        return this;
      }

      @Override
      public RowValues add(long value) throws SQLException {
        st.setLong(next++, value);
        return this;
      }

      @Override
      public RowValues add(String value) throws SQLException {
        st.setString(next++, value);
        return this;
      }
    };
  }
}
