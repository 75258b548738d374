package parley.moderation.queue;

import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

class QueueFlowSqliteTest extends QueueFlowTest {
  @Override
  TestDb database() {
    return TestDatabases.sqlite();
  }
}
