package parley.moderation;

import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

class ArrivalFlowSqliteTest extends ArrivalFlowTest {
  @Override
  TestDb database() {
    return TestDatabases.sqlite();
  }
}
