package parley.defence;

import com.fasterxml.jackson.databind.JsonNode;

/** What a client does with a challenge: tries numbers until the hash matches. For tests and the bot-cost figure. */
final class PowSolver {
  private PowSolver() {}

  static long solve(String challenge, String salt, long maxNumber) {
    for (long n = 0; n <= maxNumber; n++) {
      if (ProofOfWork.sha256(salt + n).equals(challenge)) return n;
    }
    throw new AssertionError("no number up to " + maxNumber + " solves " + challenge);
  }

  /** The "pow" field of a new comment, as JSON, for a challenge from GET /api/v1/challenge. */
  static String field(JsonNode c) {
    long n = solve(c.path("challenge").asText(), c.path("salt").asText(), c.path("maxNumber").asLong());
    return "{\"salt\":\"" + c.path("salt").asText() + "\",\"number\":" + n + ",\"signature\":\""
        + c.path("signature").asText() + "\"}";
  }
}
