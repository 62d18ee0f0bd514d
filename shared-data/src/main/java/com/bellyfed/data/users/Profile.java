package com.bellyfed.data.users;

import com.bellyfed.data.Attributes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a user says about themselves, with the one set of rules every writer checks. A profile has
 * a display name; the other fields are optional, and blank ones are absent.
 */
public record Profile(
    @NotBlank @Size(max = 100) String displayName,
    @Size(max = 100) @Nullable String city,
    @Size(max = 2000) @Nullable String bio,
    @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") @Nullable String avatarUrl) {

  public Profile {
    displayName = Attributes.required(displayName);
    city = Attributes.text(city);
    bio = Attributes.text(bio);
    avatarUrl = Attributes.text(avatarUrl);
  }
}
