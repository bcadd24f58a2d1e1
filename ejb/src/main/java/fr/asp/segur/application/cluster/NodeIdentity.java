package fr.asp.segur.application.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this server node in the cluster: WildFly's {@code jboss.node.name} (each node of a
 * cluster must be given its own), else the host name. Claims, leases and heartbeats carry it.
 */
public final class NodeIdentity {

    private static final int MAX = 128;

    private NodeIdentity() {
    }

    public static String name() {
        String name = System.getProperty("jboss.node.name");
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "inconnu";
            }
        }
        return name.length() > MAX ? name.substring(0, MAX) : name;
    }
}
