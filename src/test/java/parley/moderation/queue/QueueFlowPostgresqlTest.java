package parley.moderation.queue;

import parley.testing.TestDatabases;
import parley.testing.TestDatabases.TestDb;

class QueueFlowPostgresqlTest extends QueueFlowTest {
  @Override
  TestDb database() {
    return TestDatabases.postgres();
  }
}
