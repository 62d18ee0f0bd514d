package com.bellyfed.kit.security;

import com.bellyfed.kit.problem.ForbiddenException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The signed-in user a request acts for, from the validated access token. A controller takes it as a
 * parameter ({@code Actor actor}); the user id of anything the request writes comes from here, never
 * from the request's body.
 *
 * @param userId the token's {@code sub}: Cognito's stable user id
 * @param username {@code cognito:username}; may change, so never a key
 * @param groups {@code cognito:groups}
 */
public record Actor(String userId, String username, Set<String> groups) {

  /** The group whose members may do what the admin rules allow, and act on any user's resources. */
  public static final String ADMIN = "admin";
  /** The claim Cognito lists a user's groups in. */
  public static final String GROUPS_CLAIM = "cognito:groups";
  static final String USERNAME_CLAIM = "cognito:username";

  public Actor {
    groups = Set.copyOf(groups);
  }

  public boolean admin() {
    return groups.contains(ADMIN);
  }

  /**
   * Refuses with 403 unless {@code ownerId} (the user a path names) is this actor, or this actor is an admin.
   *
   * @throws ForbiddenException otherwise
   */
  public void requireSelfOrAdmin(String ownerId) {
    if (!admin() && !userId.equals(ownerId)) {
      throw new ForbiddenException("A user may only act on their own resources");
    }
  }

  /** The actor of a validated token. */
  public static Actor of(Jwt token) {
    List<String> groups = token.getClaimAsStringList(GROUPS_CLAIM);
    String username = token.getClaimAsString(USERNAME_CLAIM);
    return new Actor(token.getSubject(), username == null ? token.getSubject() : username,
        groups == null ? Set.of() : new TreeSet<>(groups));
  }

  /** The actor of the current request, if it carries a valid token. */
  public static Optional<Actor> current() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  static Optional<Actor> of(@Nullable Authentication authentication) {
    return authentication instanceof JwtAuthenticationToken jwt ? Optional.of(of(jwt.getToken())) : Optional.empty();
  }
}
