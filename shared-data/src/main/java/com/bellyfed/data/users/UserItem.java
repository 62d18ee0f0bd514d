package com.bellyfed.data.users;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user item (docs/data-model.md).
 *
 * @param email null until the Cognito sign-up (or an import) fills in the account
 * @param status {@code ACTIVE}
 * @param profile null while the user has no display name
 */
public record UserItem(
    String userId,
    @Nullable String email,
    @Nullable String userName,
    String status,
    @Nullable Profile profile,
    @Nullable Preferences preferences,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ACTIVE = "ACTIVE";
}
