package parley;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import parley.kit.ErrorCode;

/** The README is the API reference: every error code a client can receive is documented there. */
class ReadmeTest {
  @Test
  void everyErrorCodeIsDocumented() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(readme).as("README documents " + code).contains("`" + code.name() + "`");
    }
  }
}
