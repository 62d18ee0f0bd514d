/** What every service's start leaves out: auto-configurations no Bellyfed service uses. */
@NullMarked
package com.bellyfed.kit.startup;

import org.jspecify.annotations.NullMarked;
