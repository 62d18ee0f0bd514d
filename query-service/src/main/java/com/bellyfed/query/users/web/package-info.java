/** The HTTP API of user profiles. */
@NullMarked
package com.bellyfed.query.users.web;

import org.jspecify.annotations.NullMarked;
