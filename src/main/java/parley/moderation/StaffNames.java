package parley.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import parley.moderation.words.Normalizer;
import parley.kit.ApiException;
import parley.kit.ErrorCode;

/**
 * Refuses reader names that pass for the site's staff: "Moderator", "Admin", "Parley", or a staff member's display
 * name, however spelt (case, spaces, dots, accents, look-alike letters, leetspeak, zero-width characters). The
 * site's staff themselves, signed in, may use them. Thread-safe; staff lists are cached for a few seconds.
 */
public final class StaffNames {
  private static final long TTL_MILLIS = 5_000;
  private static final Set<String> RESERVED = Set.of("moderator", "moderators", "moderation", "mod", "admin",
      "administrator", "admins", "parley", "sysadmin", "webmaster").stream().map(StaffNames::fold)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** A staff member of a site as this check needs them. */
  public record Member(long accountId, String displayName) {}

  private record Loaded(List<Member> members, Set<String> names, long at) {}

  private final Function<String, List<Member>> staffOf;
  private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

  private final Clock clock;

  public StaffNames(Function<String, List<Member>> staffOf, Clock clock) {
    this.clock = clock;
    this.staffOf = staffOf;
  }

  public void refuseImpersonation(String siteId, String name, Long accountId) {
    Loaded staff = staff(siteId);
    if (accountId != null && staff.members().stream().anyMatch(m -> m.accountId() == accountId)) return;
    List<String> words = Normalizer.termWords(name).stream().map(StaffNames::fold).toList();
    String joined = String.join("", words);
    if (RESERVED.contains(joined) || words.stream().anyMatch(RESERVED::contains) || staff.names().contains(joined)) {
      throw new ApiException(ErrorCode.AUTHOR_NAME_RESERVED);
    }
  }

  private Loaded staff(String siteId) {
    long now = clock.millis();
    Loaded l = cache.get(siteId);
    if (l == null || now - l.at() > TTL_MILLIS) {
      List<Member> members = staffOf.apply(siteId);
      Set<String> names = new java.util.HashSet<>();
      for (Member m : members) {
        String n = m.displayName() == null ? "" : fold(String.join("", Normalizer.termWords(m.displayName())));
        if (n.length() >= 2) names.add(n);
      }
      l = new Loaded(members, Set.copyOf(names), now);
      cache.put(siteId, l);
    }
    return l;
  }

  /** Letters that look alike in many fonts once the word lists' normalizer has run: "ADMlN", "Adrnin". */
  private static String fold(String word) {
    return word.replace("rn", "m").replace("vv", "w").replace('l', 'i');
  }
}
