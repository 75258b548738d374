package parley.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import parley.store.Dialect;

/**
 * Runs a test once per database: the method takes a {@link Dialect} and opens it with {@link TestDatabases#create}
 * (or a server on it), so {@code -Dparley.test.pg=skip} skips the PostgreSQL run in every such test alike.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(Dialect.class)
public @interface BothDatabases {}
