/** The users' REST endpoints. */
@NullMarked
package com.bellyfed.write.users.web;

import org.jspecify.annotations.NullMarked;
