package parley.mail;

/** What an outbox row carries; each kind has one {@link Delivery}. Stored as the enum name. */
public enum OutboxKind { EMAIL, WEBHOOK }
