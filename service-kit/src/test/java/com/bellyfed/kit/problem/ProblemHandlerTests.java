package com.bellyfed.kit.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.bellyfed.kit.web.RequestLimitsFilter;
import com.bellyfed.kit.web.WebContractProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import tools.jackson.databind.json.JsonMapper;

class ProblemHandlerTests {

  private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
  private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new TestController(breakers))
      .setControllerAdvice(new ProblemHandler(Duration.ofSeconds(7), breakers))
      .addFilters(new RequestLimitsFilter(
          new WebContractProperties(DataSize.ofBytes(256), DataSize.ofKilobytes(4), Duration.ofSeconds(7), DataSize.ofKilobytes(16), 50), JsonMapper.builder().build()))
      .build();

  @Test
  void namesEveryInvalidFieldOfAValidBody() throws Exception {
    problem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"address\":{}}")), 400,
        ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors.length()").value(2))
        .andExpect(jsonPath("$.errors[0].field").value("address.city"))
        .andExpect(jsonPath("$.errors[0].reason").value("must not be null"))
        .andExpect(jsonPath("$.errors[1].field").value("name"))
        .andExpect(jsonPath("$.errors[0].parameter").doesNotExist());
  }

  @Test
  void namesTheJsonPathOfAValueOfTheWrongType() throws Exception {
    problem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"a\",\"address\":{\"city\":[1]},\"sizes\":[1,\"x\"]}")),
        400, ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.anyOf(
            org.hamcrest.Matchers.is("address.city"), org.hamcrest.Matchers.is("sizes[1]"))));
  }

  @Test
  void refusesBrokenJsonAsTheBody() throws Exception {
    problem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":")), 400, ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors[0].field").value("body"))
        .andExpect(jsonPath("$.errors[0].reason").value("is not valid JSON"));
  }

  @Test
  void namesMissingAndMistypedParametersAndHeaders() throws Exception {
    problem(mvc.perform(get("/things")), 400, ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].reason").value("is required"));
    problem(mvc.perform(get("/things").param("limit", "ten")), 400, ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].reason").value("must be a whole number"));
    problem(mvc.perform(get("/things/headers")), 400, ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors[0].field").value("X-Tenant"));
  }

  @Test
  void namesParametersRefusedByMethodValidation() throws Exception {
    problem(mvc.perform(get("/things").param("limit", "500")), 400, ProblemTypes.INVALID_REQUEST)
        .andExpect(jsonPath("$.errors[0].field").value("limit"))
        .andExpect(jsonPath("$.errors[0].reason").value("must be less than or equal to 100"));
  }

  @Test
  void answersSpringsOwnRefusalsInTheSameShape() throws Exception {
    problem(mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("hello")), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE);
    problem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/things")), 405,
        ProblemTypes.METHOD_NOT_ALLOWED);
    problem(mvc.perform(get("/things/missing")), 404, ProblemTypes.NOT_FOUND)
        .andExpect(jsonPath("$.detail").value("No thing missing"));
    problem(mvc.perform(get("/things/conflict")), 409, ProblemTypes.CONFLICT);
  }

  @Test
  void answersAnOutageWith503AndTheDefaultRetryAfter() throws Exception {
    problem(mvc.perform(get("/things/outage")), 503, ProblemTypes.SERVICE_UNAVAILABLE)
        .andExpect(header().string("Retry-After", "7"))
        .andExpect(jsonPath("$.detail").value(not(containsString("connect"))));
  }

  @Test
  void answersAnOpenBreakerWithItsOwnWait() throws Exception {
    breakers.circuitBreaker("store", CircuitBreakerConfig.custom().waitDurationInOpenState(Duration.ofSeconds(42)).build());
    problem(mvc.perform(get("/things/open-breaker")), 503, ProblemTypes.SERVICE_UNAVAILABLE)
        .andExpect(header().string("Retry-After", "42"));
  }

  @Test
  void aRefusalOfADependencyIsNoOutageButOurFault() throws Exception {
    problem(mvc.perform(get("/things/refused")), 500, ProblemTypes.INTERNAL)
        .andExpect(header().doesNotExist("Retry-After"))
        .andExpect(jsonPath("$.detail").value("The request failed unexpectedly."))
        .andExpect(content().string(not(containsString("secret-table"))));
  }

  @Test
  void theLastResortTellsNothingInternal() throws Exception {
    problem(mvc.perform(get("/things/bug")), 500, ProblemTypes.INTERNAL)
        .andExpect(content().string(not(containsString("NullPointer"))))
        .andExpect(content().string(not(containsString("internal-detail"))));
  }

  @Test
  void refusesABodyOverTheLimitWithOrWithoutALength() throws Exception {
    String big = "{\"name\":\"" + "x".repeat(400) + "\",\"address\":{\"city\":\"c\"}}";
    problem(mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content(big)), 413, ProblemTypes.PAYLOAD_TOO_LARGE);
  }

  @Test
  void aBodyOverTheLimitFoundWhileReadingIsA413NotAnOutage() throws Exception {
    // The limit breaks off a read deep in a parser or a service layer, which may wrap it in an I/O error.
    problem(mvc.perform(get("/things/too-large-mid-read")), 413, ProblemTypes.PAYLOAD_TOO_LARGE)
        .andExpect(header().doesNotExist("Retry-After"));
  }

  @Test
  void refusesHeadersOverTheLimit() throws Exception {
    problem(mvc.perform(get("/things").param("limit", "1").header("X-Big", "y".repeat(5_000))), 431, ProblemTypes.HEADERS_TOO_LARGE);
  }

  @Test
  void carriesNoMembersButRfc9457sAndErrors() throws Exception {
    problem(mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("hello")), 415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE)
        .andExpect(jsonPath("$.properties").doesNotExist())
        .andExpect(jsonPath("$.supported").doesNotExist())
        .andExpect(jsonPath("$.errors").doesNotExist());
  }

  private static ResultActions problem(ResultActions answer, int status, java.net.URI type) throws Exception {
    return answer
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(type.toString()))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").isString())
        .andExpect(jsonPath("$.instance").isString());
  }

  record Address(@NotNull String city) {}

  record Thing(@NotBlank String name, @NotNull @Valid Address address, List<Integer> sizes) {}

  @RestController
  static class TestController {

    private final CircuitBreakerRegistry breakers;

    TestController(CircuitBreakerRegistry breakers) {
      this.breakers = breakers;
    }

    @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
    Thing create(@Valid @RequestBody Thing thing) {
      return thing;
    }

    @GetMapping("/things")
    List<Thing> list(@RequestParam @Min(1) @Max(100) int limit) {
      return List.of();
    }

    @GetMapping("/things/headers")
    String headers(@RequestHeader("X-Tenant") String tenant) {
      return tenant;
    }

    @GetMapping("/things/{id}")
    Thing one(@PathVariable String id) {
      switch (id) {
        case "conflict" -> throw new ConflictException("The thing is busy");
        case "outage" -> throw SdkClientException.create("Unable to connect to dynamodb.internal:8000");
        case "open-breaker" -> throw CallNotPermittedException.createCallNotPermittedException(breakers.circuitBreaker("store"));
        case "refused" -> throw ConditionalCheckFailedException.builder().message("secret-table refused").statusCode(400).build();
        case "too-large-mid-read" -> throw new java.io.UncheckedIOException(new java.io.IOException(new PayloadTooLargeException(256)));
        case "bug" -> throw new IllegalStateException("internal-detail");
        default -> throw new NotFoundException("No thing " + id);
      }
    }
  }
}
