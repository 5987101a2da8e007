package dev.agentops.hub.webhooks;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: a webhook URL must name a public address, or a tenant could make the server call its own
 * database, cloud metadata (169.254.169.254) or anything else on the private network. Checked when an endpoint is
 * saved and again before every send, because DNS answers change. {@code agentops.webhooks.allow-private}
 * (AGENTOPS_WEBHOOKS_ALLOW_PRIVATE) lifts it for development and tests, and then plain http is allowed too.
 *
 * <p>Known limit: the HTTP client resolves the name again when it connects, so a DNS server that answers a public
 * address to this check and a private one a moment later (rebinding) is not stopped here; a network egress policy is
 * the complete defence.
 */
@Singleton
public class UrlGuard {

    private final boolean allowPrivate;

    UrlGuard(@Value("${agentops.webhooks.allow-private:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /** The URL's shape: why it cannot be an endpoint, or empty. */
    Optional<String> shapeProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            return Optional.of("must be a public https address");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        return Optional.empty();
    }

    /** Why the URL's host may not be called now (it resolves to a non-public address, or not at all), or empty. */
    public Optional<String> refusal(String url) {
        if (allowPrivate) {
            return Optional.empty();
        }
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = nonPublic(address);
            if (kind.isPresent()) {
                return Optional.of("the host " + host + " resolves to a " + kind.get() + " address (" + address.getHostAddress()
                    + "); only public addresses are called");
            }
        }
        return Optional.empty();
    }

    /** What kind of non-public address this is, or empty for a public one. */
    static Optional<String> nonPublic(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private");
            }
            // NAT64 (64:ff9b::/96) and IPv4-compatible (::/96) forms carry an IPv4 address in their last four bytes
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12);
            if (nat64 || zero(b, 0, 12)) {
                return ipv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff, b[15] & 0xff);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(int a, int b, int c, int d) {
        if (a == 0) {
            return Optional.of("unspecified");
        }
        if (a == 127) {
            return Optional.of("loopback");
        }
        if (a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)) {
            return Optional.of("private");
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return Optional.of("carrier-grade NAT");
        }
        if (a == 169 && b == 254) {
            return Optional.of("link-local");
        }
        if (a >= 224) {
            return Optional.of(a < 240 ? "multicast" : "reserved");
        }
        return Optional.empty();
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
