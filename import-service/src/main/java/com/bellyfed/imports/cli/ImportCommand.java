package com.bellyfed.imports.cli;

import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar bellyfed-import.jar FILE --type restaurants --url http://localhost:8083 --token TOKEN}:
 * streams the file to the import API, draws a progress bar from the job's event stream and prints the
 * rejections at the end. Every request carries {@code Authorization: Bearer} with an access token of an
 * admin: given ({@code --token}), or signed in for with {@code --username}/{@code --password} against the
 * user pool ({@link CognitoSignIn}). Exit code 0 when the job completed (with rejections only if
 * {@code --allow-rejections}), 2 when records were rejected, 1 when the job failed or was cancelled, 3
 * when the request itself was refused (or the options were), 4 when signing in failed.
 */
@Command(
    name = "bellyfed-import",
    mixinStandardHelpOptions = true,
    description = "Imports restaurants, reviews or users from an NDJSON or CSV file into Bellyfed.",
    subcommands = ImportCommand.Generate.class)
public final class ImportCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int REJECTIONS = 2;
  static final int REFUSED = 3;
  static final int SIGN_IN_FAILED = 4;

  private static final JsonMapper JSON = JsonMapper.shared();

  @Parameters(index = "0", arity = "0..1", description = "the file to import (.csv is CSV, anything else NDJSON)")
  @Nullable Path file;

  @Option(names = "--type", description = "restaurants, reviews or users")
  @Nullable String type;

  @Option(names = "--url", defaultValue = "http://localhost:8083", description = "the import-service (default ${DEFAULT-VALUE})")
  String url = "http://localhost:8083";

  @Option(names = "--format", description = "ndjson or csv (default: from the file name)")
  @Nullable String format;

  @Option(names = "--idempotency-key", description = "repeat an import safely: the same key gives the same job")
  @Nullable String idempotencyKey;

  @Option(names = "--allow-rejections", description = "exit 0 although records were rejected")
  boolean allowRejections;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  @Option(names = "--token", defaultValue = "${env:BELLYFED_TOKEN}",
      description = "an access token of an admin (default: the environment's BELLYFED_TOKEN); or sign in with --username")
  @Nullable String token;

  @Option(names = "--username", description = "sign in as this user of the pool (a member of the group admin)")
  @Nullable String username;

  @Option(names = "--password", arity = "0..1", interactive = true,
      description = "the user's password; without a value it is asked for, unseen")
  char @Nullable [] password;

  @Option(names = "--client-id", defaultValue = "${env:BELLYFED_COGNITO_CLIENT_ID}",
      description = "the pool's app client that signs in (default: the environment's BELLYFED_COGNITO_CLIENT_ID)")
  @Nullable String clientId;

  @Option(names = "--region", defaultValue = "${env:AWS_REGION:-us-east-1}", description = "the pool's region (default ${DEFAULT-VALUE})")
  String region = "us-east-1";

  @Option(names = "--cognito-endpoint",
      description = "Cognito's endpoint, e.g. local-aws's http://localhost:4566 (default: AWS's in --region)")
  @Nullable URI cognitoEndpoint;

  @Spec
  @Nullable CommandSpec spec;

  public static void main(String[] args) {
    // The AWS SDK logs through SLF4J, which has no provider in this jar: no warning about that on the terminal.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(new CommandLine(new ImportCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = out();
    PrintWriter err = err();
    if (file == null || type == null) {
      err.println("Usage: bellyfed-import FILE --type restaurants|reviews|users [--url URL] (--token TOKEN | --username USER --password)"
          + "  (or: bellyfed-import generate --help)");
      return REFUSED;
    }
    String authorization;
    try {
      authorization = authorization();
    } catch (IllegalArgumentException usage) {
      err.println(usage.getMessage());
      return REFUSED;
    } catch (CognitoSignIn.SignInFailed failed) {
      err.println(failed.getMessage());
      return SIGN_IN_FAILED;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String mediaType = "csv".equalsIgnoreCase(format) || (format == null && file.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
        ? "text/csv" : "application/x-ndjson";
    long size = Files.size(file);
    HttpResponse<String> accepted;
    try (ProgressBar upload = bar("Upload", size, "B")) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/api/imports?type=" + type))
          .header("Content-Type", mediaType)
          .header("Authorization", authorization)
          .POST(HttpRequest.BodyPublishers.fromPublisher(
              HttpRequest.BodyPublishers.ofInputStream(() -> counting(file, upload)), size));
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
      }
      accepted = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
    if (accepted.statusCode() != 202) {
      err.println("The import was refused (HTTP " + accepted.statusCode() + "): " + printable(accepted.body()));
      if (accepted.statusCode() == 401 || accepted.statusCode() == 403) {
        err.println("Imports are for admins: pass an admin's access token with --token, or sign in with --username and --password.");
      }
      return REFUSED;
    }
    String jobId = JSON.readTree(accepted.body()).path("jobId").asString();
    String location = accepted.headers().firstValue("Location").orElse("/api/imports/" + jobId);
    out.println("Job " + printable(jobId) + " accepted: " + printable(url + location));

    JsonNode last = follow(http, location, authorization);
    JsonNode job = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url + location)).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    return report(job.isObject() ? job : last, out);
  }

  /**
   * {@code Bearer} and the token given, or the one a sign-in with {@code --username} got.
   *
   * @throws IllegalArgumentException when the options do not say how to sign in
   */
  private String authorization() throws CognitoSignIn.SignInFailed {
    if (token != null && !token.isBlank() && username != null) {
      throw new IllegalArgumentException("Give either --token or --username with --password, not both.");
    }
    if (token != null && !token.isBlank()) {
      return "Bearer " + token.strip();
    }
    if (username == null) {
      throw new IllegalArgumentException("Imports are for admins: pass an access token with --token (or BELLYFED_TOKEN), "
          + "or sign in with --username USER --password [--client-id ID] [--region R] [--cognito-endpoint URL].");
    }
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("--username needs --password (without a value it is asked for).");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("--username needs the pool's app client: --client-id ID (or BELLYFED_COGNITO_CLIENT_ID).");
    }
    return "Bearer " + CognitoSignIn.accessToken(clientId.strip(), region, cognitoEndpoint, username, new String(password));
  }

  /** Follows the job's event stream to its final event, drawing the bar; returns the last job seen. */
  private JsonNode follow(HttpClient http, String location, String authorization) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> stream = http.send(
        HttpRequest.newBuilder(URI.create(url + location + "/progress")).header("Accept", "text/event-stream")
            .header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofLines());
    JsonNode last = JSON.createObjectNode();
    try (ProgressBar bar = bar("Import", 1, "records"); Stream<String> lines = stream.body()) {
      Iterator<String> iterator = lines.iterator();
      while (iterator.hasNext()) {
        String line = iterator.next();
        if (!line.startsWith("data:")) {
          continue;
        }
        last = JSON.readTree(line.substring(5).strip());
        JsonNode counts = last.path("counts");
        long toWrite = counts.path("received").asLong() - counts.path("rejected").asLong();
        bar.maxHint(Math.max(toWrite, 1));
        bar.stepTo(counts.path("written").asLong() + counts.path("failed").asLong() + counts.path("skipped").asLong());
        bar.setExtraMessage(" rejected " + counts.path("rejected").asLong() + ", failed " + counts.path("failed").asLong());
        if (!"ACCEPTED".equals(last.path("state").asString()) && !"RUNNING".equals(last.path("state").asString())) {
          break;
        }
      }
    }
    return last;
  }

  private int report(JsonNode job, PrintWriter out) {
    JsonNode counts = job.path("counts");
    String state = job.path("state").asString();
    out.printf(Locale.ROOT, "%s: received %d, written %d, rejected %d, failed %d, skipped %d (%.1f records/s)%n",
        state, counts.path("received").asLong(), counts.path("written").asLong(), counts.path("rejected").asLong(),
        counts.path("failed").asLong(), counts.path("skipped").asLong(), job.path("recordsPerSecond").asDouble());
    for (JsonNode rejection : job.path("rejections")) {
      out.println("  line " + rejection.path("line").asLong() + ": " + printable(rejection.path("reason").asString()));
    }
    if (counts.path("rejected").asLong() > job.path("rejections").size()) {
      out.println("  ... and " + (counts.path("rejected").asLong() - job.path("rejections").size()) + " more rejections");
    }
    if (!job.path("failureReason").isMissingNode()) {
      out.println("  " + printable(job.path("failureReason").asString()));
    }
    out.flush();
    return switch (state) {
      case "COMPLETED" -> OK;
      case "COMPLETED_WITH_ERRORS" -> allowRejections ? OK : REJECTIONS;
      default -> FAILED;
    };
  }

  /**
   * The text with control characters shown as {@code \\uXXXX}: a rejection quotes the file's own bytes,
   * and escape sequences in it must not reach the terminal as commands.
   */
  static String printable(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        shown.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        shown.appendCodePoint(c);
      }
    });
    return shown.toString();
  }

  private PrintWriter out() {
    return spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true);
  }

  private PrintWriter err() {
    return spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
  }

  private ProgressBar bar(String task, long max, String unit) {
    ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250).showSpeed().setUnit(" " + unit, 1);
    if (quiet) {
      builder.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(line -> { }));
    }
    return builder.build();
  }

  private static InputStream counting(Path file, ProgressBar bar) {
    try {
      return new FilterInputStream(Files.newInputStream(file)) {
        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int read = super.read(buffer, offset, length);
          if (read > 0) {
            bar.stepBy(read);
          }
          return read;
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code bellyfed-import generate --type restaurants --count 100000 --out restaurants.ndjson}. */
  @Command(name = "generate", mixinStandardHelpOptions = true, description = "Writes a synthetic data set.")
  static final class Generate implements Callable<Integer> {

    @Option(names = "--type", required = true, description = "restaurants, reviews or users")
    String type = "restaurants";

    @Option(names = "--count", required = true, description = "how many records")
    long count;

    @Option(names = "--csv", description = "CSV with a header row instead of NDJSON")
    boolean csv;

    @Option(names = "--seed", defaultValue = "1", description = "same seed, same records and ids")
    long seed = 1;

    @Option(names = "--city", description = "one city for every record, instead of a mix")
    @Nullable String city;

    @Option(names = "--record-size", defaultValue = "500", description = "approximate bytes per record")
    int recordSize = 500;

    @Option(names = "--out", description = "the file to write (default: standard output)")
    @Nullable Path out;

    @Override
    public Integer call() throws IOException {
      Generator generator = new Generator(type, csv, count, seed, city, recordSize);
      try (OutputStream target = out == null ? System.out : new BufferedOutputStream(Files.newOutputStream(out))) {
        generator.writeTo(target);
      }
      return OK;
    }
  }
}
