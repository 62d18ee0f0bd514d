/** The user-signup queue's listener, which reads Cognito post-confirmation payloads. */
@NullMarked
package com.bellyfed.write.users.messaging;

import org.jspecify.annotations.NullMarked;
