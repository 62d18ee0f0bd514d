/** Restaurant listings: create, replace and delete, with the index keys of docs/data-model.md. */
@NullMarked
package com.bellyfed.write.restaurants;

import org.jspecify.annotations.NullMarked;
