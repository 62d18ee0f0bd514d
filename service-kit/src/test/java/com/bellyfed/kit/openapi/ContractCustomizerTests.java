package com.bellyfed.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContractCustomizerTests {

  private final ContractCustomizer customizer = new ContractCustomizer();

  @Test
  void declaresTheOneProblemShapeWithFieldErrors() {
    JsonNode document = customised(api());

    JsonNode problem = document.at("/components/schemas/Problem");
    assertThat(names(problem.path("properties"))).containsExactly("type", "title", "status", "detail", "instance", "errors");
    assertThat(problem.at("/properties/type/type").asString("")).isEqualTo("string");
    assertThat(problem.at("/properties/type/format").asString("")).isEqualTo("uri");
    assertThat(problem.at("/properties/status/type").asString("")).isEqualTo("integer");
    assertThat(problem.at("/properties/errors/items/$ref").asString("")).isEqualTo("#/components/schemas/FieldError");
    JsonNode fieldError = document.at("/components/schemas/FieldError");
    assertThat(names(fieldError.path("properties"))).containsExactly("field", "reason");
    assertThat(fieldError.path("required").toString()).isEqualTo("[\"field\",\"reason\"]");
  }

  @Test
  void aReadByIdCanBeInvalidMissingFailedOrUnavailable() {
    JsonNode responses = customised(api()).at("/paths/~1api~1restaurants~1{id}/get/responses");

    assertThat(names(responses)).containsExactly("200", "400", "404", "500", "503");
    assertThat(responses.at("/404/$ref").asString("")).isEqualTo("#/components/responses/NotFound");
    assertThat(responses.at("/503/$ref").asString("")).isEqualTo("#/components/responses/ServiceUnavailable");
  }

  @Test
  void anOperationWithoutParametersCanOnlyFailOrBeUnavailable() {
    JsonNode responses = customised(api()).at("/paths/~1api~1dlqs/get/responses");

    assertThat(names(responses)).containsExactly("200", "500", "503");
  }

  @Test
  void anOperationTakingABodyCanAlsoRefuseItsSizeOrType() {
    JsonNode responses = customised(api()).at("/paths/~1api~1restaurants/post/responses");

    assertThat(names(responses)).containsExactly("201", "400", "409", "413", "415", "500", "503");
  }

  @Test
  void aDeclaredErrorKeepsItsDescriptionButAnswersTheProblem() {
    JsonNode conflict = customised(api()).at("/paths/~1api~1restaurants/post/responses/409");

    assertThat(conflict.path("description").asString("")).isEqualTo("already exists");
    assertThat(names(conflict.path("content"))).containsExactly("application/problem+json");
    assertThat(conflict.at("/content/application~1problem+json/schema/$ref").asString("")).isEqualTo("#/components/schemas/Problem");
  }

  @Test
  void theUnavailableAnswerSaysWhenToRetry() {
    JsonNode document = customised(api());

    JsonNode unavailable = document.at("/components/responses/ServiceUnavailable");
    assertThat(unavailable.at("/headers/Retry-After/$ref").asString("")).isEqualTo("#/components/headers/Retry-After");
    assertThat(unavailable.at("/content/application~1problem+json/schema/$ref").asString("")).isEqualTo("#/components/schemas/Problem");
    assertThat(document.at("/components/headers/Retry-After/schema/type").asString("")).isEqualTo("integer");
  }

  @Test
  void makesThePagingEnvelopeExact() {
    JsonNode page = customised(api()).at("/components/schemas/RestaurantPage");

    assertThat(page.path("required").toString()).isEqualTo("[\"items\",\"nextCursor\"]");
    assertThat(page.at("/properties/nextCursor/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(page.at("/properties/items/type").asString("")).isEqualTo("array");
  }

  @Test
  void anOpenApi30DocumentGetsNullableInsteadOfANullType() throws Exception {
    OpenAPI api = api().specVersion(SpecVersion.V30).openapi("3.0.1");
    customizer.customise(api);
    JsonNode page = read(Json.mapper().writeValueAsString(api)).at("/components/schemas/RestaurantPage");

    assertThat(page.at("/properties/nextCursor/type").asString("")).isEqualTo("string");
    assertThat(page.at("/properties/nextCursor/nullable").asBoolean(false)).isTrue();
  }

  @Test
  void leavesOtherSchemasAlone() {
    JsonNode restaurant = customised(api()).at("/components/schemas/Restaurant");

    assertThat(names(restaurant.path("properties"))).containsExactly("id");
    assertThat(restaurant.has("required")).isFalse();
  }

  @Test
  void declaresOnlyTheAnswersSomeOperationGives() {
    JsonNode document = customised(api());

    assertThat(names(document.at("/components/responses")))
        .containsExactlyInAnyOrder("BadRequest", "NotFound", "PayloadTooLarge", "UnsupportedMediaType", "InternalError", "ServiceUnavailable");
  }

  @Test
  void statesJsonWhereSpringdocSaysAnything() {
    JsonNode document = customised(api());

    assertThat(names(document.at("/paths/~1api~1restaurants~1{id}/get/responses/200/content"))).containsExactly("application/json");
    assertThat(names(document.at("/paths/~1api~1dlqs/get/responses/200/content"))).containsExactly("*/*");
  }

  @Test
  void securedOperationsGainUnauthorizedAndForbiddenOnlyOnceASchemeIsRequired() {
    JsonNode open = customised(api());
    assertThat(names(open.at("/paths/~1api~1dlqs/get/responses"))).doesNotContain("401", "403");
    assertThat(names(open.at("/components/responses"))).doesNotContain("Unauthorized", "Forbidden");

    OpenAPI secured = api().addSecurityItem(new SecurityRequirement().addList("bearer"));
    JsonNode responses = customised(secured).at("/paths/~1api~1dlqs/get/responses");

    assertThat(names(responses)).containsExactly("200", "401", "403", "500", "503");
    assertThat(responses.at("/401/$ref").asString("")).isEqualTo("#/components/responses/Unauthorized");
  }

  @Test
  void runningTwiceGivesTheSameDocument() {
    OpenAPI api = api();
    customizer.customise(api);
    String once = Json31.pretty(api);

    assertThat(customised(api).toPrettyString()).isEqualTo(read(once).toPrettyString());
  }

  @Test
  void isAutoConfiguredWhereSpringdocIsPresent() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(OpenApiContractAutoConfiguration.class))
        .run(context -> assertThat(context).hasSingleBean(ContractCustomizer.class));
  }

  private JsonNode customised(OpenAPI api) {
    customizer.customise(api);
    return read(Json31.pretty(api));
  }

  // Swagger writes the document with its own (Jackson 2) mapper; the test reads that text with Jackson 3.
  private static JsonNode read(String json) {
    return JsonMapper.shared().readTree(json);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.propertyNames().forEach(names::add);
    return names;
  }

  /** A small document shaped as springdoc writes one: a read by id, a list, a create and a page schema. */
  private static OpenAPI api() {
    Schema<?> page = new ObjectSchema()
        .addProperty("items", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/Restaurant")))
        .addProperty("nextCursor", new StringSchema());
    Schema<?> restaurant = new ObjectSchema().addProperty("id", new StringSchema());
    Operation byId = new Operation()
        .addParametersItem(new Parameter().name("id").in("path").required(true).schema(new StringSchema()))
        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
            .content(new Content().addMediaType("*/*", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Restaurant"))))));
    // A plain string stays as springdoc states it: the service may answer it as text.
    Operation list = new Operation().responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
        .content(new Content().addMediaType("*/*", new MediaType().schema(new StringSchema())))));
    Operation create = new Operation()
        .requestBody(new RequestBody().content(new Content().addMediaType("application/json", new MediaType().schema(restaurant))))
        .responses(new ApiResponses()
            .addApiResponse("409", new ApiResponse().description("already exists")
                .content(new Content().addMediaType("*/*", new MediaType().schema(new ObjectSchema()))))
            .addApiResponse("201", new ApiResponse().description("Created")));
    OpenAPI api = new OpenAPI(SpecVersion.V31).openapi("3.1.0")
        .components(new Components().addSchemas("RestaurantPage", page).addSchemas("Restaurant", restaurant))
        .paths(new Paths()
            .addPathItem("/api/restaurants/{id}", new PathItem().get(byId))
            .addPathItem("/api/restaurants", new PathItem().post(create))
            .addPathItem("/api/dlqs", new PathItem().get(list)));
    return api;
  }
}
