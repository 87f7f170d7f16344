package dev.statewire.redis;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The store's watchdog: one daemon thread that extends every lease held by a running block, a
 * third of the lease TTL after the last extension, so that a block longer than the TTL keeps its
 * lease while its JVM is alive and reaches Redis. A lease it cannot extend is left to the
 * commit, which refuses it if it expired.
 */
final class LeaseRenewer implements AutoCloseable {
  private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
  private final LeaseClient client;
  private final ScheduledExecutorService timer;

  /**
   * Renews every third of the shorter of the two TTLs, so that neither the lease nor the state
   * expires under a running block.
   */
  LeaseRenewer(LeaseClient client, Duration leaseTtl, Duration idleTtl) {
    this.client = client;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "statewire-redis-lease-renewal");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(1, Math.min(leaseTtl.toMillis(), idleTtl.toMillis()) / 3);
    timer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
  }

  void watch(Lease lease) {
    leases.add(lease);
  }

  void forget(Lease lease) {
    leases.remove(lease);
  }

  private void renewAll() {
    for (Lease lease : leases) {
      try {
        if (!client.renew(lease)) {
          leases.remove(lease); // expired or taken: the commit will be refused
        }
      } catch (RuntimeException unreachable) {
        // Redis is unreachable now: try again next period; the commit decides
      }
    }
  }

  /** Stops renewing and releases the leases of running blocks: their commits are refused. */
  @Override
  public void close() {
    timer.shutdownNow();
    for (Lease lease : leases) {
      client.release(lease);
    }
    leases.clear();
  }
}
