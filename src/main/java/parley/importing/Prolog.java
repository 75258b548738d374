package parley.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tolerates what hand-edited and plugin-written exports put before the XML declaration: blank lines (after a BOM or
 * not). XML allows nothing before {@code <?xml}, so the declaration is blanked out instead (same bytes, so every
 * line and column the parser reports stays true) and its encoding is passed on. Any other character before the
 * declaration is left for the parser to report.
 */
record Prolog(InputStream stream, String encoding) {
  private static final int HEAD = 8192;
  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  static Prolog of(InputStream in) throws IOException {
    byte[] head = in.readNBytes(HEAD);
    int n = head.length;
    int start = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
    int i = start;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
    String rest = new String(head, i, Math.min(n - i, 200), StandardCharsets.ISO_8859_1);
    String encoding = null;
    if (i > start && rest.startsWith("<?xml")) {
      int end = rest.indexOf("?>");
      if (end > 0) {
        Matcher m = ENCODING.matcher(rest.substring(0, end));
        if (m.find()) encoding = m.group(1);
        for (int k = i; k < i + end + 2; k++) {
          if (head[k] != '\n' && head[k] != '\r') head[k] = ' ';
        }
      }
      head = Arrays.copyOfRange(head, start, n); // a BOM before blank lines goes too: the encoding says enough
    }
    return new Prolog(new SequenceInputStream(new ByteArrayInputStream(head), in), encoding);
  }
}
