/** What can be imported: the record types, their validation rules, their streaming readers and the items they become. */
@NullMarked
package com.bellyfed.imports.records;

import org.jspecify.annotations.NullMarked;
