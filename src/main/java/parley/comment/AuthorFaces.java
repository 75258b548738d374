package parley.comment;

import java.util.Collection;
import java.util.Map;

/**
 * What readers see beside a signed-in author's name: whether they are on the site's staff (their answers stand out
 * on a Q&A article) and the avatar colour they chose. Anonymous authors have neither.
 */
@FunctionalInterface
public interface AuthorFaces {
  /** @param hue the avatar hue (0–359) the author chose, or null for the colour derived from their name */
  record Face(boolean staff, Integer hue) {
    public static final Face NONE = new Face(false, null);

    /** The face of a comment's author among {@code faces} (by account id); anonymous authors have none. */
    static Face of(Map<Long, Face> faces, Long accountId) {
      return accountId == null ? NONE : faces.getOrDefault(accountId, NONE);
    }
  }

  AuthorFaces NONE = (siteId, accountIds) -> Map.of();

  /** The faces of these accounts on the site; an account with nothing to show may be left out. */
  Map<Long, Face> of(String siteId, Collection<Long> accountIds);
}
