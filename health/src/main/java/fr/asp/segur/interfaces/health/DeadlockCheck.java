package fr.asp.segur.interfaces.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness "threads": no thread deadlock in the JVM. A deadlocked server answers HTTP but never
 * finishes a request; only a restart cures it, which is what a failing liveness check asks for.
 * (Database or SMTP outages are readiness matters: restarting would not cure them.)
 */
@Liveness
@ApplicationScoped
public class DeadlockCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return HealthCheckResponse.named("threads").status(deadlocked == null)
                .withData("deadlocked", deadlocked == null ? 0 : deadlocked.length).build();
    }
}
