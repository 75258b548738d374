package parley.ops;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Who may read {@code /metrics}: loopback always, plus the configured blocks. Judged on the socket's peer address,
 * never on forwarded headers, so a proxy in front cannot be used to reach it from outside.
 */
public record MetricsAccess(List<Cidr> allowed) {
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
