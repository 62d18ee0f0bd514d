/** Users: profile and preference writes, and the account created on a Cognito sign-up. */
@NullMarked
package com.bellyfed.write.users;

import org.jspecify.annotations.NullMarked;
