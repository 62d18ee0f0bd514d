package com.bellyfed.benchmarks.suite;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts, as PNG files beside it (JFreeChart, headless). */
public final class Charts {

  static final int WIDTH = 900;
  static final int HEIGHT = 480;

  private Charts() {}

  static {
    // No display on a build machine: AWT renders off screen.
    System.setProperty("java.awt.headless", "true");
  }

  /** p50, p95 and p99 per second of a flow, with its p95 target as a line. */
  public static void latencyOverTime(Path file, String title, List<Timeline.Bucket> buckets, double targetMs) throws IOException {
    latencyOverTime(file, title, buckets, targetMs, "p95 target " + Verdict.format(targetMs) + " ms");
  }

  /** The same, with the target line labelled {@code targetLabel}. */
  public static void latencyOverTime(Path file, String title, List<Timeline.Bucket> buckets, double targetMs, String targetLabel)
      throws IOException {
    XYSeries p50 = new XYSeries("p50");
    XYSeries p95 = new XYSeries("p95");
    XYSeries p99 = new XYSeries("p99");
    for (Timeline.Bucket bucket : buckets) {
      p50.add(bucket.second(), bucket.p50Ms());
      p95.add(bucket.second(), bucket.p95Ms());
      p99.add(bucket.second(), bucket.p99Ms());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(p50);
    data.addSeries(p95);
    data.addSeries(p99);
    JFreeChart chart = ChartFactory.createXYLineChart(title, "second of the run", "latency (ms)", data, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.addRangeMarker(marker(targetMs, targetLabel, Color.RED));
    save(file, chart);
  }

  /**
   * Delivered against offered load per step, with the line where every offered operation is delivered and the knee
   * (the last step held) marked.
   */
  public static void throughputAgainstLoad(Path file, String title, List<Knee.Step> steps, Knee knee, String unit) throws IOException {
    XYSeries delivered = new XYSeries("delivered");
    XYSeries ideal = new XYSeries("offered = delivered");
    double highest = 0;
    for (Knee.Step step : steps) {
      delivered.add(step.offered(), step.delivered());
      highest = Math.max(highest, step.offered());
    }
    ideal.add(0, 0);
    ideal.add(highest, highest);
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(delivered);
    data.addSeries(ideal);
    JFreeChart chart = ChartFactory.createXYLineChart(title, "offered (" + unit + ")", "delivered (" + unit + ")", data, PlotOrientation.VERTICAL,
        true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesShapesVisible(1, false);
    plot.setRenderer(renderer);
    knee.lastHeld().ifPresent(step -> plot.addDomainMarker(marker(step.offered(), "knee: last held " + Verdict.format(step.offered()) + " " + unit,
        new Color(0, 128, 0))));
    knee.firstFailed().ifPresent(step -> plot.addDomainMarker(marker(step.offered(), "first not held " + Verdict.format(step.offered()) + " " + unit,
        Color.RED)));
    save(file, chart);
  }

  /** Time to ready of each process and of the whole suite, in seconds. */
  public static void startup(Path file, Map<String, Duration> times) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    times.forEach((name, time) -> data.addValue(time.toMillis() / 1000.0, "time to ready", name));
    JFreeChart chart = ChartFactory.createBarChart("Start-up: launch to ready", "", "seconds", data, PlotOrientation.HORIZONTAL, false, false, false);
    save(file, chart);
  }

  private static ValueMarker marker(double value, String label, Color color) {
    ValueMarker marker = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f));
    marker.setLabel(label);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
    return marker;
  }

  private static void save(Path file, JFreeChart chart) throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
      xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
  }
}
