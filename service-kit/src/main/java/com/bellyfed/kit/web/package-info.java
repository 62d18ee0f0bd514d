/** The HTTP pieces every service shares: size limits, the parameter collector, their auto-configuration. */
@NullMarked
package com.bellyfed.kit.web;

import org.jspecify.annotations.NullMarked;
