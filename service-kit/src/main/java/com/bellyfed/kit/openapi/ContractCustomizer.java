package com.bellyfed.kit.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Writes the web contract every service shares into its OpenAPI document, so that the frontend's
 * generated client knows every answer an operation can give, not only the happy one:
 *
 * <ul>
 *   <li>a {@code Problem} schema (RFC 9457 plus {@code errors[{field, reason}]}) and, on every
 *       operation, the problem responses it can give as {@code application/problem+json}: 400 where it
 *       takes parameters or a body, 404 where its path names something, 413 and 415 where it takes a
 *       body, 500 and 503 (with {@code Retry-After}) everywhere;
 *   <li>success responses springdoc leaves as {@code *}{@code /*} are stated as {@code application/json};
 *   <li>error responses a controller or an exception handler declared itself keep their description
 *       but answer the same {@code Problem}, so that no operation documents a second error shape;
 *   <li>the paging envelope {@code {items, nextCursor}}: springdoc names it after the controller's
 *       return type, so it is recognised by its shape and made exact ({@code nextCursor} is always
 *       present and null on the last page).
 * </ul>
 *
 * <p>Authentication is not part of it yet. The hook is {@link #securedBy}: once a service declares a
 * security scheme and requirement (issue 18's bearer scheme), its secured operations gain 401 and 403
 * problems here, without a change to this class.
 */
public class ContractCustomizer implements GlobalOpenApiCustomizer {

  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String RETRY_AFTER = "Retry-After";
  private static final String COMPONENT_RESPONSES = "#/components/responses/";

  /** The problem responses the kit declares once in the components, by status. */
  enum Answer {
    BAD_REQUEST(400, "BadRequest", "The request is invalid: `errors` names each field and why."),
    UNAUTHORIZED(401, "Unauthorized", "No valid credentials were sent."),
    FORBIDDEN(403, "Forbidden", "The credentials do not allow this operation."),
    NOT_FOUND(404, "NotFound", "Nothing exists at this path."),
    PAYLOAD_TOO_LARGE(413, "PayloadTooLarge", "The body is larger than the service accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType", "The body's content type is not one the operation reads."),
    INTERNAL_ERROR(500, "InternalError", "The service failed; the problem's `instance` identifies the failure in its logs."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailable", "A dependency of the service is out; try again after `Retry-After` seconds.");

    final int status;
    final String component;
    final String description;

    Answer(int status, String component, String description) {
      this.status = status;
      this.component = component;
      this.description = description;
    }

    String code() {
      return Integer.toString(status);
    }
  }

  @Override
  public void customise(OpenAPI openApi) {
    boolean v31 = openApi.getSpecVersion() == SpecVersion.V31;
    Components components = openApi.getComponents();
    if (components == null) {
      components = new Components();
      openApi.components(components);
    }
    components.addSchemas(FIELD_ERROR, fieldError(v31));
    components.addSchemas(PROBLEM, problem(v31));
    components.addHeaders(RETRY_AFTER, retryAfter(v31));
    if (components.getSchemas() != null) {
      components.getSchemas().values().forEach(schema -> exactEnvelope(schema, v31));
    }
    // Only the answers some operation gives are declared, so that no 401 appears before there is auth.
    Set<Answer> given = EnumSet.noneOf(Answer.class);
    if (openApi.getPaths() != null) {
      for (PathItem path : openApi.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          document(operation, path, openApi, v31, given);
        }
      }
    }
    for (Answer answer : given) {
      components.addResponses(answer.component, problemResponse(answer.description, answer == Answer.SERVICE_UNAVAILABLE, v31));
    }
  }

  private static void document(Operation operation, PathItem path, OpenAPI openApi, boolean v31, Set<Answer> given) {
    List<Parameter> parameters = new ArrayList<>();
    if (path.getParameters() != null) {
      parameters.addAll(path.getParameters());
    }
    if (operation.getParameters() != null) {
      parameters.addAll(operation.getParameters());
    }
    boolean body = operation.getRequestBody() != null;
    boolean pathVariables = parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()));

    ApiResponses declared = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    declared.forEach((code, response) -> {
      if (code.startsWith("2")) {
        jsonInsteadOfAnything(response);
      }
      if (isError(code) && response.get$ref() == null) {
        response.content(problemContent(v31));
        if ("503".equals(code)) {
          response.addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER));
        }
      }
    });
    Map<String, ApiResponse> answers = new LinkedHashMap<>(declared);
    if (!parameters.isEmpty() || body) {
      answers.putIfAbsent(Answer.BAD_REQUEST.code(), responseRef(Answer.BAD_REQUEST));
    }
    if (securedBy(operation, openApi)) {
      answers.putIfAbsent(Answer.UNAUTHORIZED.code(), responseRef(Answer.UNAUTHORIZED));
      answers.putIfAbsent(Answer.FORBIDDEN.code(), responseRef(Answer.FORBIDDEN));
    }
    if (pathVariables) {
      answers.putIfAbsent(Answer.NOT_FOUND.code(), responseRef(Answer.NOT_FOUND));
    }
    if (body) {
      answers.putIfAbsent(Answer.PAYLOAD_TOO_LARGE.code(), responseRef(Answer.PAYLOAD_TOO_LARGE));
      answers.putIfAbsent(Answer.UNSUPPORTED_MEDIA_TYPE.code(), responseRef(Answer.UNSUPPORTED_MEDIA_TYPE));
    }
    answers.putIfAbsent(Answer.INTERNAL_ERROR.code(), responseRef(Answer.INTERNAL_ERROR));
    answers.putIfAbsent(Answer.SERVICE_UNAVAILABLE.code(), responseRef(Answer.SERVICE_UNAVAILABLE));

    answers.values().stream()
        .map(ApiResponse::get$ref)
        .filter(Objects::nonNull)
        .forEach(ref -> Arrays.stream(Answer.values()).filter(answer -> ref.equals(COMPONENT_RESPONSES + answer.component)).forEach(given::add));

    // Ordered by status, so that the document reads (and diffs) the same on every start.
    ApiResponses ordered = new ApiResponses();
    new TreeMap<>(answers).forEach(ordered::addApiResponse);
    operation.responses(ordered);
  }

  /**
   * Whether the operation needs credentials: its own requirements, or else the document's. Empty
   * today; issue 18's bearer scheme makes it true for every operation it guards.
   */
  static boolean securedBy(Operation operation, OpenAPI openApi) {
    List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity() : openApi.getSecurity();
    return requirements != null && requirements.stream().anyMatch(requirement -> !requirement.isEmpty());
  }

  /**
   * springdoc says {@code *}{@code /*} where a handler declares no {@code produces}; the services answer
   * JSON there, and a client generated from the document should know it.
   */
  private static void jsonInsteadOfAnything(ApiResponse response) {
    Content content = response.getContent();
    if (content == null || content.size() != 1 || !content.containsKey("*/*")) {
      return;
    }
    MediaType anything = content.get("*/*");
    Schema<?> schema = anything.getSchema();
    boolean structured = schema != null && (schema.get$ref() != null || isOneOf(schema, "object", "array"));
    if (structured) {
      response.content(new Content().addMediaType("application/json", anything));
    }
  }

  private static boolean isOneOf(Schema<?> schema, String... types) {
    for (String type : types) {
      if (type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isError(String code) {
    return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
  }

  /** Makes every {@code {items, nextCursor}} schema exact: both always present, the cursor null on the last page. */
  private static void exactEnvelope(Schema<?> schema, boolean v31) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null || !properties.keySet().equals(Set.of("items", "nextCursor"))) {
      return;
    }
    schema.required(List.of("items", "nextCursor"));
    schema.description("One page. Pass `nextCursor` as `cursor`, with the same other parameters, for the next page.");
    Schema<?> cursor = string(v31).description("Opaque and signed; null on the last page.");
    if (v31) {
      cursor.addType("null");
    } else {
      cursor.nullable(true);
    }
    properties.put("nextCursor", cursor);
  }

  private static Schema<?> problem(boolean v31) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", string(v31).format("uri").description("Identifies the kind of problem; stable, one per kind."));
    properties.put("title", string(v31).description("A short summary of the kind of problem."));
    properties.put("status", typed(new Schema<>(), "integer", v31).format("int32").description("The HTTP status code."));
    properties.put("detail", string(v31).description("What went wrong with this request."));
    properties.put("instance", string(v31).format("uri-reference").description("Identifies this occurrence."));
    Schema<Object> errors = typed(new Schema<>(), "array", v31);
    errors.items(ref(FIELD_ERROR, v31));
    errors.description("Present when the input is invalid: one entry per field and reason.");
    properties.put("errors", errors);
    return typed(new Schema<>(), "object", v31)
        .description("RFC 9457 problem details: every error of every service has this shape.")
        .properties(properties)
        .required(List.of("type", "title", "status"));
  }

  private static Schema<?> fieldError(boolean v31) {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("field", string(v31).description("The parameter, header or body field, as the client sent it."));
    properties.put("reason", string(v31).description("Why it was refused."));
    return typed(new Schema<>(), "object", v31).properties(properties).required(List.of("field", "reason"));
  }

  private static Header retryAfter(boolean v31) {
    return new Header()
        .description("Seconds to wait before trying again.")
        .schema(typed(new Schema<>(), "integer", v31).format("int32"));
  }

  private static ApiResponse problemResponse(String description, boolean retryAfter, boolean v31) {
    ApiResponse response = new ApiResponse().description(description).content(problemContent(v31));
    if (retryAfter) {
      response.addHeaderObject(RETRY_AFTER, headerRef(RETRY_AFTER));
    }
    return response;
  }

  private static Content problemContent(boolean v31) {
    return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM, v31)));
  }

  private static ApiResponse responseRef(Answer answer) {
    return new ApiResponse().$ref(COMPONENT_RESPONSES + answer.component);
  }

  private static Header headerRef(String name) {
    return new Header().$ref("#/components/headers/" + name);
  }

  private static Schema<Object> ref(String schema, boolean v31) {
    return version(new Schema<>(), v31).$ref("#/components/schemas/" + schema);
  }

  private static Schema<Object> string(boolean v31) {
    return typed(new Schema<>(), "string", v31);
  }

  /** OpenAPI 3.1 documents read a schema's {@code types}, 3.0 ones its {@code type}: both are set. */
  private static <T> Schema<T> typed(Schema<T> schema, String type, boolean v31) {
    version(schema, v31).type(type);
    if (v31) {
      schema.addType(type);
    }
    return schema;
  }

  private static <T> Schema<T> version(Schema<T> schema, boolean v31) {
    schema.specVersion(v31 ? SpecVersion.V31 : SpecVersion.V30);
    return schema;
  }
}
