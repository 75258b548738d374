package parley.mail;

/** A claimed outbox row: {@code attempts} counts this one. */
public record OutboxItem(long id, OutboxKind kind, String payload, int attempts) {}
