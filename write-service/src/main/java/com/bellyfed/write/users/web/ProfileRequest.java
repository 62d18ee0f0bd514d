package com.bellyfed.write.users.web;

import com.bellyfed.write.users.User.Profile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of PUT /api/users/{userId}/profile: the whole profile (absent optional fields are removed). */
record ProfileRequest(
    @NotBlank @Size(max = 100) String displayName,
    @Size(max = 100) @Nullable String city,
    @Size(max = 2000) @Nullable String bio,
    @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Nullable String avatarUrl) {

  Profile profile() {
    return new Profile(displayName.strip(), blankToNull(city), blankToNull(bio), blankToNull(avatarUrl));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
