package parley.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that says who a request comes from. Forwarding headers ({@code Forwarded}, {@code X-Forwarded-For},
 * {@code X-Forwarded-Proto}) are believed only when the socket peer lies in a configured CIDR; then the right-most
 * hop that is not itself a trusted proxy is the client. A direct client can never spoof its address. Immutable.
 */
public record TrustedProxies(List<Cidr> cidrs) {
  // only IP literals are parsed: InetAddress would resolve a host name over DNS
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  public TrustedProxies {
    cidrs = List.copyOf(cidrs);
  }

  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** A comma- or space-separated CIDR list such as {@code 10.0.0.0/8, ::1/128}; a bare address is a /32 or /128. */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) return NONE;
    return new TrustedProxies(Arrays.stream(list.trim().split("[\\s,]+")).map(Cidr::parse).toList());
  }

  /** An address block: the first {@code bits} bits of {@code network}. */
  public record Cidr(byte[] network, int bits) {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address == null) throw new IllegalArgumentException("trusted.proxies: '" + text + "' is not an IP or CIDR");
      int max = address.getAddress().length * 8;
      int bits;
      try {
        bits = slash < 0 ? max : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        bits = -1;
      }
      if (bits < 0 || bits > max) throw new IllegalArgumentException("trusted.proxies: bad prefix length in '" + text + "'");
      return new Cidr(address.getAddress(), bits);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) return false;
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((a[i / 8] & mask) != (network[i / 8] & mask)) return false;
      }
      return true;
    }

    @Override
    public String toString() {
      try {
        return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public boolean trusts(String address) {
    InetAddress a = literal(address);
    return a != null && cidrs.stream().anyMatch(c -> c.contains(a));
  }

  /** The client's address: the socket peer, or the right-most untrusted hop its trusted proxies forwarded. */
  public String clientIp(Context ctx) {
    return clientIp(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("Forwarded")),
        Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
  }

  /** The same from the peer address and the raw header values; RFC 7239 Forwarded wins over X-Forwarded-For. */
  public String clientIp(String peer, List<String> forwarded, List<String> xForwardedFor) {
    String current = peer;
    if (!trusts(current)) return current;
    List<String> hops = new ArrayList<>();
    for (String header : forwarded) {
      for (String element : header.split(",")) hops.add(param(element, "for"));
    }
    if (hops.isEmpty()) {
      for (String header : xForwardedFor) hops.addAll(Arrays.asList(header.split(",")));
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) return current; // "unknown" or an obfuscated name: the last address we can vouch for
      current = hop.getHostAddress();
      if (!trusts(current)) return current;
    }
    return current;
  }

  /** {@code https} when a trusted proxy says the reader's connection was; else the socket's own scheme. */
  public String scheme(Context ctx) {
    String own = ctx.req().getScheme();
    if (!trusts(ctx.req().getRemoteAddr())) return own;
    String proto = forwardedParam(ctx, "proto");
    if (proto == null) proto = ctx.header("X-Forwarded-Proto");
    if (proto == null) return own;
    String last = proto.substring(proto.lastIndexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
    return last.equals("https") || last.equals("http") ? last : own;
  }

  private static String forwardedParam(Context ctx, String name) {
    String value = null;
    for (String header : Collections.list(ctx.req().getHeaders("Forwarded"))) {
      for (String element : header.split(",")) {
        String v = param(element, name);
        if (!v.isEmpty()) value = v;
      }
    }
    return value;
  }

  /** One parameter of a Forwarded element, unquoted; for {@code for}, also without brackets and port. */
  private static String param(String element, String name) {
    for (String pair : element.split(";")) {
      int eq = pair.indexOf('=');
      if (eq < 0 || !pair.substring(0, eq).trim().equalsIgnoreCase(name)) continue;
      String v = pair.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
      if (!name.equals("for")) return v;
      if (v.startsWith("[")) return v.indexOf(']') > 0 ? v.substring(1, v.indexOf(']')) : "";
      return v.indexOf(':') == v.lastIndexOf(':') && v.indexOf(':') > 0 ? v.substring(0, v.indexOf(':')) : v;
    }
    return "";
  }

  private static InetAddress literal(String text) {
    if (text == null) return null;
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
    if (t.isEmpty() || t.length() > 64 || !IP_LITERAL.matcher(t).matches()) return null;
    try {
      return InetAddress.getByName(t);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return cidrs.toString();
  }
}
