package parley.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Blanks the control characters XML 1.0 forbids (all below U+0020 but tab, newline and carriage return) in a UTF-8 or
 * single-byte file. Real Disqus exports carry them (a pasted vertical tab or unit separator in a message), and a
 * parser rightly stops there; one space in its place keeps every line and column the parser reports true. Their
 * count and first line go in the import's warnings. UTF-8 never uses these bytes inside a multi-byte character.
 */
final class XmlControlChars extends FilterInputStream {
  private long replaced;
  private long line = 1;
  private long firstLine;

  XmlControlChars(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    return b < 0 ? b : clean(b);
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    for (int i = off; i < off + n; i++) buf[i] = (byte) clean(buf[i] & 0xFF);
    return n;
  }

  private int clean(int b) {
    if (b == '\n') line++;
    if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') return b;
    if (replaced++ == 0) firstLine = line;
    return ' ';
  }

  /** The warning for the import's report, or null when the file had none. */
  String warning() {
    return replaced == 0 ? null : "replaced " + replaced + " control characters that XML does not allow with spaces"
        + " (the first on line " + firstLine + ")";
  }
}
