package fr.asp.segur.application.ops;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Registers the portal's gauges at deployment, so that the first scrape already finds them. */
@Singleton
@Startup
@PermitAll
public class MetricsStartup {

    private static final Logger LOG = Logger.getLogger(MetricsStartup.class.getName());

    @Inject
    private PortalMetrics metrics;

    @PostConstruct
    void start() {
        if (!metrics.active()) {
            LOG.warning("No Micrometer registry: the portal's metrics are off (see docs/OPERATIONS.md)");
        }
    }
}
