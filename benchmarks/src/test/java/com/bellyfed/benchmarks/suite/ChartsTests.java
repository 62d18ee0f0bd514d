package com.bellyfed.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTests {

  @Test
  void writesEachChartAsAPngOfTheReportsSize(@TempDir Path dir) throws Exception {
    Timeline timeline = new Timeline();
    for (int second = 0; second < 5; second++) {
      timeline.add(second + 0.5, 1000L * (10 + second));
    }
    List<Knee.Step> steps = List.of(new Knee.Step(10, 10, 50), new Knee.Step(20, 12, 900));
    Map<String, Duration> startup = new LinkedHashMap<>();
    startup.put("local-aws", Duration.ofMillis(1500));
    startup.put("write-service", Duration.ofSeconds(20));

    Charts.latencyOverTime(dir.resolve("latency.png"), "latency", timeline.buckets(), 100);
    Charts.throughputAgainstLoad(dir.resolve("charts/throughput.png"), "throughput", steps, Knee.of(steps, 250), "reviews/s");
    Charts.startup(dir.resolve("startup.png"), startup);

    for (Path png : List.of(dir.resolve("latency.png"), dir.resolve("charts/throughput.png"), dir.resolve("startup.png"))) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    }
  }
}
