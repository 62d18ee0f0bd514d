/** User profiles from the users table, without personal data beyond what a profile page shows. */
@NullMarked
package com.bellyfed.query.users;

import org.jspecify.annotations.NullMarked;
