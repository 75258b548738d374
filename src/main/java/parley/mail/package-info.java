/**
 * Outgoing messages: a durable outbox and SMTP.
 *
 * <p>How to send an email from any feature: build an {@link parley.mail.Email} and call
 * {@link parley.mail.Outbox#enqueue(org.jdbi.v3.core.Handle, Email)} inside the same {@code Database.write} that makes
 * the change causing it (a password-reset token, a published reply): the row commits or rolls back with that change,
 * so nothing is sent for a change that did not happen and nothing is lost for one that did. App runs one
 * {@link parley.mail.OutboxWorker} per process; it claims due rows under a lease (PostgreSQL {@code FOR UPDATE SKIP
 * LOCKED}, SQLite an atomic claim UPDATE), hands each to the {@link parley.mail.Delivery} for its
 * {@link parley.mail.OutboxKind} ({@link parley.mail.SmtpSender} for emails), and marks it sent, retries it with
 * exponential backoff, or after {@code outbox.max.attempts} marks it failed. A process killed mid-send leaves its
 * rows leased; another instance, or the same one restarted, takes them over when the lease runs out. Each email
 * carries a Message-ID derived from its row, so a receiver can drop the one duplicate possible (a crash between the
 * SMTP server's "250 OK" and our commit). With no {@code smtp.host} configured, {@link parley.mail.MailConfig#enabled()}
 * is false and email rows simply wait: check it before offering anything that emails.
 */
package parley.mail;
