package parley.store;

/** The two SQL engines Parley runs on. Features keep one SQL text where both agree and branch here where not. */
public enum Dialect {
  SQLITE,
  POSTGRESQL;

  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
    if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
    throw new IllegalArgumentException("Unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
  }

  /** Flyway location holding this dialect's migrations. */
  public String migrations() {
    return "classpath:db/migration/" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
