// The typed entry point the NextJS frontend uses: one openapi-fetch client per service, typed by the
// code generated from docs/openapi, and a few calls that show the shared contract (problems, paging).
import createClient, { type Middleware } from "openapi-fetch";
import type { components as AnalyticsComponents, paths as AnalyticsPaths } from "./analytics-service";
import type { components as ImportComponents, paths as ImportPaths } from "./import-service";
import type { components as QueryComponents, paths as QueryPaths } from "./query-service";
import type { components as WriteComponents, paths as WritePaths } from "./write-service";

export type { AnalyticsPaths, ImportPaths, QueryPaths, WritePaths };

/** RFC 9457 problem details: what every error of every service answers, as application/problem+json. */
export type Problem = QueryComponents["schemas"]["Problem"];
export type FieldError = QueryComponents["schemas"]["FieldError"];
export type Restaurant = QueryComponents["schemas"]["Restaurant"];
export type Review = QueryComponents["schemas"]["Review"];
export type ReviewRequest = WriteComponents["schemas"]["ReviewRequest"];
export type ReviewView = WriteComponents["schemas"]["ReviewView"];

// Every service states the one problem shape: a document that drifts from it fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const oneProblemShape: [
  Same<Problem, WriteComponents["schemas"]["Problem"]>,
  Same<Problem, ImportComponents["schemas"]["Problem"]>,
  Same<Problem, AnalyticsComponents["schemas"]["Problem"]>,
] = [true, true, true];

/** Where each service answers, e.g. from the NextJS app's environment. */
export interface Endpoints {
  query: string;
  write: string;
  imports: string;
  analytics: string;
}

/**
 * The signed-in user's Cognito access token (never the ID token: the services refuse it), or undefined when
 * nobody is signed in; asked before every request, so that a refreshed token is used at once.
 */
export type AccessToken = () => string | undefined | Promise<string | undefined>;

export function createBellyfedClients(
  endpoints: Endpoints,
  fetchImpl: typeof fetch = globalThis.fetch,
  accessToken: AccessToken = () => undefined,
) {
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await accessToken();
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  const clients = {
    query: createClient<QueryPaths>({ baseUrl: endpoints.query, fetch: fetchImpl }),
    write: createClient<WritePaths>({ baseUrl: endpoints.write, fetch: fetchImpl }),
    imports: createClient<ImportPaths>({ baseUrl: endpoints.imports, fetch: fetchImpl }),
    analytics: createClient<AnalyticsPaths>({ baseUrl: endpoints.analytics, fetch: fetchImpl }),
  };
  Object.values(clients).forEach((client) => client.use(bearer));
  return clients;
}

export type BellyfedClients = ReturnType<typeof createBellyfedClients>;

/** A problem a service answered, thrown so that a page handles every error in one place. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "ProblemError";
  }

  /** The reason for each invalid field, for a form to show beside the field. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((error: FieldError) => [error.field, error.reason]));
  }

  /** Seconds to wait before trying again, when a service is out (503), from the problem's response. */
  static retryAfter(response: Response): number | undefined {
    const seconds = Number(response.headers.get("Retry-After"));
    return response.status === 503 && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
  }
}

/** A restaurant's page, or undefined when there is no such restaurant. */
export async function restaurant(clients: BellyfedClients, id: string): Promise<Restaurant | undefined> {
  const { data, error, response } = await clients.query.GET("/api/restaurants/{id}", { params: { path: { id } } });
  if (response.status === 404) {
    return undefined;
  }
  if (error) {
    throw new ProblemError(error);
  }
  return data;
}

/** Every review of a restaurant, newest first, one page at a time: the {items, nextCursor} envelope. */
export async function* reviewsOf(clients: BellyfedClients, restaurantId: string, pageSize = 20): AsyncGenerator<Review> {
  let cursor: string | undefined;
  do {
    const { data, error } = await clients.query.GET("/api/restaurants/{id}/reviews", {
      params: { path: { id: restaurantId }, query: { limit: String(pageSize), cursor } },
    });
    if (error) {
      throw new ProblemError(error);
    }
    yield* data.items;
    cursor = data.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

/** Posts a review; a rejected one throws a ProblemError whose fieldErrors() name each invalid field. */
export async function postReview(
  clients: BellyfedClients,
  restaurantId: string,
  review: ReviewRequest,
  idempotencyKey: string,
): Promise<ReviewView> {
  const { data, error } = await clients.write.POST("/api/restaurants/{restaurantId}/reviews", {
    params: { path: { restaurantId }, header: { "Idempotency-Key": idempotencyKey } },
    body: review,
  });
  if (error) {
    throw new ProblemError(error);
  }
  return data;
}
