package parley.defence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import parley.defence.ProofOfWork.Check;
import parley.defence.ProofOfWork.Solution;

class ProofOfWorkTest {
  static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");
  final ProofOfWork pow = new ProofOfWork("a secret of thirty-two bytes....".getBytes());

  private Solution solved(ProofOfWork.Challenge c) {
    return new Solution(c.salt(), PowSolver.solve(c.challenge(), c.salt(), c.maxNumber()), c.signature());
  }

  @Test
  void aSolvedChallengeIsValidForItsSiteUntilItExpires() {
    var c = pow.issue("news", 5_000, NOW.plusSeconds(900));
    assertThat(c.algorithm()).isEqualTo("SHA-256");
    assertThat(c.challenge()).hasSize(64);
    Solution s = solved(c);
    assertThat(s.number()).isBetween(0L, 5_000L);
    assertThat(pow.verify(s, "news", NOW)).isEqualTo(Check.VALID);
    assertThat(pow.verify(s, "news", NOW.plusSeconds(900))).isEqualTo(Check.VALID);
    assertThat(pow.verify(s, "news", NOW.plusSeconds(901))).isEqualTo(Check.EXPIRED);
    assertThat(pow.verify(s, "other", NOW)).as("bound to its site").isEqualTo(Check.INVALID);
  }

  @Test
  void wrongNumbersForgedSaltsAndOtherSecretsAreInvalid() {
    var c = pow.issue("news", 2_000, NOW.plusSeconds(900));
    Solution s = solved(c);
    assertThat(pow.verify(new Solution(s.salt(), s.number() + 1, s.signature()), "news", NOW)).isEqualTo(Check.INVALID);
    assertThat(pow.verify(new Solution(s.salt(), -1, s.signature()), "news", NOW)).isEqualTo(Check.INVALID);
    // a later expiry written into the salt breaks the hash the signature covers
    String later = s.salt().replaceFirst("\\.\\d+\\.", "." + NOW.plusSeconds(99_999).getEpochSecond() + ".");
    assertThat(pow.verify(new Solution(later, s.number(), s.signature()), "news", NOW)).isEqualTo(Check.INVALID);
    // a forged signature differs in its first digit (a fixed "00" prefix left one signature in 256 unchanged)
    String forged = (s.signature().charAt(0) == '0' ? "1" : "0") + s.signature().substring(1);
    assertThat(pow.verify(new Solution(s.salt(), s.number(), forged), "news", NOW)).isEqualTo(Check.INVALID);
    assertThat(pow.verify(new Solution("no-dots", 1, s.signature()), "news", NOW)).isEqualTo(Check.INVALID);
    assertThat(pow.verify(new Solution(null, 1, null), "news", NOW)).isEqualTo(Check.INVALID);
    var otherServer = new ProofOfWork("another secret, thirty-two bytes".getBytes());
    assertThat(otherServer.verify(s, "news", NOW)).isEqualTo(Check.INVALID);
  }

  @Test
  void everyChallengeIsNew() {
    var a = pow.issue("news", 1_000, NOW);
    var b = pow.issue("news", 1_000, NOW);
    assertThat(a.salt()).isNotEqualTo(b.salt());
    assertThat(a.signature()).isNotEqualTo(b.signature());
  }
}
