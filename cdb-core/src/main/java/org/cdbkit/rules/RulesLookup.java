package org.cdbkit.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;

/**
 * The decision tcpserver takes for a connection, from a compiled rules cdb. Keys are tried in
 * tcpserver's order (tcprules(1), ADDRESSES) and the first one found wins:
 *
 * <ol>
 * <li>{@code info@ip}, if info is set;
 * <li>{@code info@=host}, if info and host are set;
 * <li>{@code ip};
 * <li>{@code =host}, if host is set;
 * <li>shorter and shorter prefixes of ip ending with a dot (or, for IPv6, a colon), longest first;
 * <li>shorter and shorter suffixes of host starting with a dot, preceded by {@code =};
 * <li>{@code =}, if host is set;
 * <li>the empty string.
 * </ol>
 *
 * <p>ip, host and info are compared as bytes (one char per byte, ISO-8859-1), as they come from
 * the network; nothing is lower-cased or cut, whatever their length. IPv6 addresses are
 * matched in the text tcpserver gives them (see {@link RemoteAddress}).
 */
public final class RulesLookup {
    private RulesLookup() {
    }

    /** The decision for a connection; {@code host} and {@code info} may be null (unset). */
    public static Decision decide(CdbReader rules, String ip, String host, String info) throws CdbFormatException {
        for (String key : candidates(ip, host, info)) {
            CdbReader.Finder finder = rules.find(key.getBytes(StandardCharsets.ISO_8859_1));
            if (finder.next()) {
                byte[] data = finder.valueBytes();
                return RuleData.decode(key, data, 0, data.length);
            }
        }
        return Decision.DEFAULT;
    }

    /** Every key tcpserver tries, in order, duplicates included. */
    public static List<String> candidates(String ip, String host, String info) {
        List<String> keys = new ArrayList<>();
        if (info != null) {
            keys.add(info + "@" + ip);
            if (host != null) {
                keys.add(info + "@=" + host);
            }
        }
        keys.add(ip);
        if (host != null) {
            keys.add("=" + host);
        }
        for (int length = ip.length(); length > 0; length--) {
            char last = ip.charAt(length - 1);
            if (last == '.' || last == ':') {
                keys.add(ip.substring(0, length));
            }
        }
        if (host != null) {
            for (int i = 0; i < host.length(); i++) {
                if (host.charAt(i) == '.') {
                    keys.add("=" + host.substring(i));
                }
            }
            keys.add("=");
        }
        keys.add("");
        return keys;
    }
}
