package parley.admin;

import java.util.List;
import parley.auth.AccountStore;
import parley.moderation.Policy;
import parley.moderation.queue.AuditEntry;

/** The data each dashboard page renders; one record per template. */
public final class Pages {
  private Pages() {}

  public record Login(String email, String error) {}

  public record QueuePage(Nav nav, String queue, List<Card> cards, Long next) {}

  public record AuditPage(Nav nav, List<AuditEntry> entries, Long next) {}

  /** One key of the Perspective-compatible API with its usage (requests and attributes scored). */
  public record ApiKeyUsage(String name, String prefix, int qps, boolean active, String created, String usage) {}

  public record SettingsPage(Nav nav, Policy policy, List<AccountStore.Member> members, boolean ssoConfigured,
      String message, String newSecret, List<ApiKeyUsage> apiKeys, String pageParams) {

    public String lines(List<String> words) {
      return String.join("\n", words);
    }
  }

  /** The import form; the upload itself goes to the imports API, which enforces the same limit. */
  public record ImportPage(Nav nav, long maxUploadBytes) {
    /** The limit for people: "512 MiB", "20 KiB". */
    public String maxUpload() {
      String[] units = {"bytes", "KiB", "MiB", "GiB"};
      double size = maxUploadBytes;
      int unit = 0;
      while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit++;
      }
      return (size == Math.rint(size) ? String.valueOf((long) size) : String.format(java.util.Locale.ROOT, "%.1f", size))
          + " " + units[unit];
    }
  }

  public record ErrorPage(String title, String message) {}
}
