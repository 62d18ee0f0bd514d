/**
 * A Cognito user-pool emulator: the {@code AWSCognitoIdentityProviderService.*} operations Bellyfed
 * signs users up and in with, RS256 tokens in Cognito's format, each pool's JWKS and OpenID
 * configuration, and the PostConfirmation trigger put on the auth bus.
 */
@NullMarked
package com.bellyfed.localaws.cognito;

import org.jspecify.annotations.NullMarked;
