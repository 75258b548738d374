package parley.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which hop of a forwarding chain is the reader: IPv4 and IPv6 CIDRs, both header forms, spoofing refused. */
class TrustedProxiesTest {
  private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7 2001:db8::/32");

  @Test
  void untrustedPeerIsTheClientWhateverItsHeadersSay() {
    assertThat(proxies.clientIp("203.0.113.5", List.of("for=198.51.100.1"), List.of("198.51.100.2")))
        .isEqualTo("203.0.113.5");
    assertThat(TrustedProxies.NONE.clientIp("127.0.0.1", List.of(), List.of("198.51.100.2"))).isEqualTo("127.0.0.1");
  }

  @Test
  void rightMostUntrustedHopWinsSoAClientCannotPrependAFakeAddress() {
    // the client sent "X-Forwarded-For: 1.1.1.1"; its real address 198.51.100.9 was appended by our proxies
    assertThat(proxies.clientIp("10.1.2.3", List.of(), List.of("1.1.1.1, 198.51.100.9", "192.168.1.7")))
        .isEqualTo("198.51.100.9");
  }

  @Test
  void forwardedHeaderWithQuotedIpv6AndPortsIsRead() {
    assertThat(proxies.clientIp("2001:db8::10", List.of("for=1.1.1.1, for=\"[2001:db9::42]:4711\";proto=https"),
        List.of("9.9.9.9"))).isEqualTo("2001:db9:0:0:0:0:0:42");
    assertThat(proxies.clientIp("10.0.0.1", List.of("for=\"198.51.100.3:8080\""), List.of())).isEqualTo("198.51.100.3");
  }

  @Test
  void anUnknownHopStopsAtTheLastAddressWeCanVouchFor() {
    assertThat(proxies.clientIp("10.0.0.1", List.of("for=unknown"), List.of())).isEqualTo("10.0.0.1");
    assertThat(proxies.clientIp("10.0.0.1", List.of(), List.of("evil.example.com"))).isEqualTo("10.0.0.1");
  }

  @Test
  void ipv6CidrsMatchByPrefixAndBadEntriesAreRefused() {
    assertThat(proxies.trusts("2001:db8:ffff::1")).isTrue();
    assertThat(proxies.trusts("2001:db9::1")).isFalse();
    assertThat(proxies.trusts("192.168.1.8")).isFalse();
    assertThat(TrustedProxies.parse("::1").trusts("0:0:0:0:0:0:0:1")).isTrue();
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix");
    assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).hasMessageContaining("not an IP");
  }
}
