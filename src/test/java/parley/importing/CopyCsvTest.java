package parley.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import parley.store.Database;
import parley.testing.TestDatabases;

/** What PostgreSQL's COPY reads back is exactly what was added, whatever a comment body holds. */
class CopyCsvTest {
  private static final List<String> HOSTILE = Arrays.asList(
      "", null, "plain", "a \"quoted\" word, and a comma", "line one\nline two\r\nline three\r", "\\.", "x\n\\.\ny",
      "\\N", "back\\slash \\t", "'; DROP TABLE comments; --", "<script>alert(1)</script>", "emoji 😀 and ünïcödé",
      " leading and trailing ", "\"", ",", "\"\"");

  @Test
  void everyValueComesBackAsItWentIn() throws Exception {
    try (var pg = TestDatabases.postgres(); Database db = Database.open(pg.url())) {
      List<List<Object>> back = db.write(h -> {
        h.execute("CREATE TEMPORARY TABLE copied (n BIGINT, body TEXT, big BIGINT) ON COMMIT DROP");
        CopyCsv csv = new CopyCsv();
        for (int i = 0; i < HOSTILE.size(); i++) {
          csv.add(i).add(HOSTILE.get(i)).add(i % 2 == 0 ? null : Long.valueOf(Long.MIN_VALUE + i));
          csv.endRow();
        }
        assertThat(csv.rows()).isEqualTo(HOSTILE.size());
        csv.copyInto(h.getConnection(), "copied (n, body, big)");
        assertThat(csv.rows()).isZero();
        csv.copyInto(h.getConnection(), "copied"); // nothing left: no second copy of the rows
        return h.createQuery("SELECT n, body, big FROM copied ORDER BY n")
            .map((rs, ctx) -> {
              List<Object> row = new ArrayList<>();
              row.add(rs.getLong(1));
              row.add(rs.getString(2));
              row.add(rs.getObject(3));
              return row;
            }).list();
      });

      assertThat(back).hasSize(HOSTILE.size());
      for (int i = 0; i < HOSTILE.size(); i++) {
        assertThat(back.get(i).get(1)).as("row %d", i).isEqualTo(HOSTILE.get(i));
        assertThat(back.get(i).get(2)).isEqualTo(i % 2 == 0 ? null : Long.MIN_VALUE + i);
      }
    }
  }
}
