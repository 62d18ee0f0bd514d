package com.bellyfed.kit.problem;

import java.net.URI;
import org.springframework.http.HttpStatusCode;

/**
 * The {@code type} of every problem the services answer, one stable URI per kind. Clients switch
 * on these, never on {@code title} or {@code detail}, so a URI once published does not change.
 */
public final class ProblemTypes {

  /** 400: input was invalid; {@code errors} names each field and why. */
  public static final URI INVALID_REQUEST = URI.create("urn:bellyfed:problem:invalid-request");
  /** 401: no bearer token, or one that is not valid here; the answer carries {@code WWW-Authenticate}. */
  public static final URI UNAUTHORIZED = URI.create("urn:bellyfed:problem:unauthorized");
  /** 403: a valid token whose user may not do this (another user's resource, an admin operation). */
  public static final URI FORBIDDEN = URI.create("urn:bellyfed:problem:forbidden");
  /** 404. */
  public static final URI NOT_FOUND = URI.create("urn:bellyfed:problem:not-found");
  /** 405. */
  public static final URI METHOD_NOT_ALLOWED = URI.create("urn:bellyfed:problem:method-not-allowed");
  /** 406: no representation the client accepts. */
  public static final URI NOT_ACCEPTABLE = URI.create("urn:bellyfed:problem:not-acceptable");
  /** 409: the request does not fit the resource's current state. */
  public static final URI CONFLICT = URI.create("urn:bellyfed:problem:conflict");
  /** 412: an {@code If-Match} names a version that is no longer current. */
  public static final URI PRECONDITION_FAILED = URI.create("urn:bellyfed:problem:precondition-failed");
  /** 422: well-formed, but not acceptable as it stands (e.g. an Idempotency-Key reused for another request). */
  public static final URI UNPROCESSABLE = URI.create("urn:bellyfed:problem:unprocessable");
  /** 428: the operation needs {@code If-Match}. */
  public static final URI PRECONDITION_REQUIRED = URI.create("urn:bellyfed:problem:precondition-required");
  /** 413: the body is over the service's limit. */
  public static final URI PAYLOAD_TOO_LARGE = URI.create("urn:bellyfed:problem:payload-too-large");
  /** 415. */
  public static final URI UNSUPPORTED_MEDIA_TYPE = URI.create("urn:bellyfed:problem:unsupported-media-type");
  /** 431: the request's headers are over the service's limit. */
  public static final URI HEADERS_TOO_LARGE = URI.create("urn:bellyfed:problem:headers-too-large");
  /** 429. */
  public static final URI TOO_MANY_REQUESTS = URI.create("urn:bellyfed:problem:too-many-requests");
  /** Any other 4xx: the request was refused for a reason none of the kinds above names. */
  public static final URI REQUEST_REFUSED = URI.create("urn:bellyfed:problem:request-refused");
  /** 503 with {@code Retry-After}: a dependency is out; the same request may succeed later. */
  public static final URI SERVICE_UNAVAILABLE = URI.create("urn:bellyfed:problem:service-unavailable");
  /** 500 and any other 5xx: our fault; the answer tells nothing about why. */
  public static final URI INTERNAL = URI.create("urn:bellyfed:problem:internal");

  private ProblemTypes() {}

  /** The type of a problem with this status that names none of its own. */
  public static URI of(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> INVALID_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 412 -> PRECONDITION_FAILED;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 422 -> UNPROCESSABLE;
      case 428 -> PRECONDITION_REQUIRED;
      case 429 -> TOO_MANY_REQUESTS;
      case 431 -> HEADERS_TOO_LARGE;
      case 503 -> SERVICE_UNAVAILABLE;
      default -> status.is4xxClientError() ? REQUEST_REFUSED : INTERNAL;
    };
  }
}
