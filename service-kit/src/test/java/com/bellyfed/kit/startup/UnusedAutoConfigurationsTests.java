package com.bellyfed.kit.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * What Boot's auto-configuration import does with the kit's filter: every auto-configuration it names is one Boot would
 * otherwise import from a service's class path (a misspelt or renamed one would silently stay in), and it leaves out
 * those and nothing else.
 */
class UnusedAutoConfigurationsTests {

  private final ClassLoader classLoader = getClass().getClassLoader();

  @Test
  void bootLoadsTheFilterAndItLeavesOutExactlyTheUnusedAutoConfigurations() {
    List<String> candidates = new ArrayList<>();
    ImportCandidates.load(AutoConfiguration.class, classLoader).forEach(candidates::add);
    assertThat(candidates).containsAll(UnusedAutoConfigurations.UNUSED);

    List<AutoConfigurationImportFilter> filters = SpringFactoriesLoader.loadFactories(AutoConfigurationImportFilter.class, classLoader);
    AutoConfigurationImportFilter kit = filters.stream().filter(UnusedAutoConfigurations.class::isInstance).findFirst().orElseThrow();
    boolean[] kept = kit.match(candidates.toArray(String[]::new), null);

    List<String> leftOut = IntStream.range(0, kept.length).filter(i -> !kept[i]).mapToObj(candidates::get).toList();
    assertThat(leftOut).containsExactlyInAnyOrderElementsOf(UnusedAutoConfigurations.UNUSED);
    assertThat(candidates).contains(
        "io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration",
        "io.github.resilience4j.springboot.ratelimiter.autoconfigure.RateLimiterAutoConfiguration",
        "io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration");
  }

  @Test
  void anEmptySlotOfBootsCandidateArrayStaysAsItIs() {
    assertThat(new UnusedAutoConfigurations().match(new String[] {null}, null)).containsExactly(true);
  }
}
