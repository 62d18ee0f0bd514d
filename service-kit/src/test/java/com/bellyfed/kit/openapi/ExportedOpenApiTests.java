package com.bellyfed.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportedOpenApiTests {

  private static final String SERVED =
      "{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://127.0.0.1:41234\"}],"
          + "\"paths\":{\"/b\":{},\"/a\":{\"get\":{\"parameters\":[{\"name\":\"z\"},{\"name\":\"y\"}]}}},\"info\":{\"title\":\"t\"}}";

  @TempDir Path dir;

  @Test
  void normalisesToSortedKeysWithoutServersKeepingArrayOrder() {
    String normalised = ExportedOpenApi.normalised(SERVED);

    assertThat(normalised).doesNotContain("servers", "41234").endsWith("}\n");
    assertThat(normalised.indexOf("\"info\"")).isLessThan(normalised.indexOf("\"openapi\"")).isLessThan(normalised.indexOf("\"paths\""));
    assertThat(normalised.indexOf("\"/a\"")).isLessThan(normalised.indexOf("\"/b\""));
    assertThat(normalised.indexOf("\"z\"")).isLessThan(normalised.indexOf("\"y\""));
  }

  @Test
  void acceptsTheSameContractServedOnAnotherPortInAnotherKeyOrder() throws Exception {
    Path file = dir.resolve("docs/openapi/query-service.json");
    ExportedOpenApi export = new ExportedOpenApi("query-service", file);
    export.assertMatches(SERVED, true);

    export.assertMatches(
        "{\"info\":{\"title\":\"t\"},\"paths\":{\"/a\":{\"get\":{\"parameters\":[{\"name\":\"z\"},{\"name\":\"y\"}]}},\"/b\":{}},"
            + "\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://127.0.0.1:50000\"}]}",
        false);
    assertThat(Files.readString(file)).isEqualTo(ExportedOpenApi.normalised(SERVED));
  }

  @Test
  void failsWithTheExportCommandWhenTheContractChanged() {
    Path file = dir.resolve("query-service.json");
    ExportedOpenApi export = new ExportedOpenApi("query-service", file);
    export.assertMatches(SERVED, true);

    assertThatThrownBy(() -> export.assertMatches(SERVED.replace("\"z\"", "\"limit\""), false))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("query-service serves another OpenAPI document")
        .hasMessageContaining("exported `\"name\" : \"z\"`, served `\"name\" : \"limit\"`")
        .hasMessageContaining(ExportedOpenApi.command())
        .hasMessageContaining("-Dopenapi.write=true");
  }

  @Test
  void failsWhenNothingWasExportedYet() {
    ExportedOpenApi export = new ExportedOpenApi("write-service", dir.resolve("missing.json"));

    assertThatThrownBy(() -> export.assertMatches(SERVED, false)).hasMessageContaining("no export yet");
  }
}
