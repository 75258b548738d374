package parley.moderation;

import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

class ArrivalFlowPostgresqlTest extends ArrivalFlowTest {
  @Override
  TestDb database() {
    return TestDatabases.postgres();
  }
}
