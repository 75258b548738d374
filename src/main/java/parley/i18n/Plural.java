package parley.i18n;

import java.util.EnumSet;
import java.util.Set;

/**
 * CLDR plural categories for whole numbers in the shipped languages (ICU4J is not available offline, and
 * {@code java.text.ChoiceFormat} cannot express Arabic's six forms).
 */
public enum Plural {
  ZERO, ONE, TWO, FEW, MANY, OTHER;

  /** The category of a whole number n in a language (CLDR 44 rules, integer operands only). */
  public static Plural of(Lang lang, long n) {
    long abs = Math.abs(n);
    return switch (lang) {
      case EN, DE -> abs == 1 ? ONE : OTHER;
      case AR -> arabic(abs);
    };
  }

  private static Plural arabic(long n) {
    long mod100 = n % 100;
    if (n == 0) return ZERO;
    if (n == 1) return ONE;
    if (n == 2) return TWO;
    if (mod100 >= 3 && mod100 <= 10) return FEW;
    if (mod100 >= 11) return MANY;
    return OTHER;
  }

  /** The categories a language's bundle must give for each plural message. */
  public static Set<Plural> categories(Lang lang) {
    return switch (lang) {
      case EN, DE -> EnumSet.of(ONE, OTHER);
      case AR -> EnumSet.allOf(Plural.class);
    };
  }

  public String suffix() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
