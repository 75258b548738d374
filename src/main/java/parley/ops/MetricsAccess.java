package parley.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Function;

/**
 * Who may read {@code /metrics}: loopback always, plus the configured blocks. Judged on the socket's peer address,
 * never on forwarded headers; and a request that carries a proxy's forwarding header is refused whatever its peer,
 * since a reverse proxy on the same host connects from loopback and would otherwise pass every outside request on.
 */
public record MetricsAccess(List<Cidr> allowed) {
  /** Headers reverse proxies add; a direct scrape (Prometheus) sends none of them. */
  static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

  /** Whether a request from {@code peerAddress}, with {@code header} giving its headers by name, may read metrics. */
  public boolean allows(String peerAddress, Function<String, String> header) {
    return PROXY_HEADERS.stream().noneMatch(h -> header.apply(h) != null) && allows(peerAddress);
  }

  public boolean allows(String peerAddress) {
    try {
      // the peer address is always a literal here, so this does no DNS lookup
      InetAddress a = InetAddress.getByName(peerAddress.replaceAll("^\\[|]$", ""));
      if (a.isLoopbackAddress()) return true;
      for (Cidr c : allowed) if (c.contains(a)) return true;
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
