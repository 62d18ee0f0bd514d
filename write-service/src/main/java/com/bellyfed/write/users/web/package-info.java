/** The users' REST endpoints and the dev-only Cognito test trigger. */
@NullMarked
package com.bellyfed.write.users.web;

import org.jspecify.annotations.NullMarked;
