package dev.tiktokcalendar.simulator.publish;

import dev.tiktokcalendar.simulator.world.WorldApp;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The app's verified URL properties (contract §6.4): URL prefixes, which cover URLs starting with them, and
 * domains, which cover the domain and its subdomains. They start as the world file says and, as in TikTok's
 * developer portal, can change while the simulator runs; every check reads the current ones.
 */
public final class UrlOwnership {

    private final boolean allowHttp;
    private final Set<String> prefixes = new CopyOnWriteArraySet<>();
    private final Set<String> domains = new CopyOnWriteArraySet<>();

    public UrlOwnership(WorldApp app, boolean allowHttp) {
        this.allowHttp = allowHttp;
        prefixes.addAll(app.verifiedUrlPrefixes());
        app.verifiedDomains().forEach(this::addDomain);
    }

    public boolean verified(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean schemeOk = "https".equals(uri.getScheme()) || (allowHttp && "http".equals(uri.getScheme()));
        if (!schemeOk || uri.getHost() == null) {
            return false;
        }
        if (prefixes.stream().anyMatch(url::startsWith)) {
            return true;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return domains.stream().anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
    }

    public void addPrefix(String prefix) {
        prefixes.add(prefix);
    }

    public void removePrefix(String prefix) {
        if (!prefixes.remove(prefix)) {
            throw new IllegalArgumentException("not a verified URL prefix: " + prefix);
        }
    }

    public void addDomain(String domain) {
        domains.add(domain.toLowerCase(Locale.ROOT));
    }

    public void removeDomain(String domain) {
        if (!domains.remove(domain.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a verified domain: " + domain);
        }
    }

    public List<String> prefixes() {
        return List.copyOf(prefixes);
    }

    public List<String> domains() {
        return List.copyOf(domains);
    }
}
