package parley.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void matchesAddressesInsideTheBlockOnly() {
    MetricsAccess access = new MetricsAccess(List.of(Cidr.parse("10.1.0.0/16"), Cidr.parse("fd00::/8"),
        Cidr.parse("192.168.5.7")));
    assertThat(access.allows("10.1.200.3")).isTrue();
    assertThat(access.allows("10.2.0.1")).isFalse();
    assertThat(access.allows("192.168.5.7")).isTrue();
    assertThat(access.allows("192.168.5.8")).isFalse();
    assertThat(access.allows("fd12::1")).isTrue();
    assertThat(access.allows("[fe80::1]")).isFalse();
    assertThat(access.allows("127.0.0.1")).isTrue();
    assertThat(access.allows("::1")).isTrue();
    assertThat(Cidr.parse("10.1.0.0/12").contains(parse("10.15.255.255"))).isTrue();
    assertThat(Cidr.parse("10.1.0.0/12").contains(parse("10.16.0.0"))).isFalse();
  }

  @Test
  void refusesHostNamesAndBadPrefixes() {
    assertThatThrownBy(() -> Cidr.parse("example.com/8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
  }

  private static java.net.InetAddress parse(String ip) {
    try {
      return java.net.InetAddress.getByName(ip);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
