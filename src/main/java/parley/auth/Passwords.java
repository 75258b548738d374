package parley.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashes (m = 19 MiB, t = 2, p = 1: OWASP's minimum, ~80 ms a check here). */
public final class Passwords {
  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  /** Checked against when the account does not exist, so timing does not reveal which emails have accounts. */
  private static final String DUMMY = hash("not-a-real-password-just-for-timing");
  public static final int MIN_LENGTH = 10;

  private Passwords() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public static boolean verify(String password, String hash) {
    if (password == null) return false;
    if (hash == null) {
      Password.check(password, DUMMY).with(ARGON2ID);
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }
}
