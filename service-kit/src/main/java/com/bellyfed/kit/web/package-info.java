/**
 * The HTTP pieces every service shares: size and query-string limits, the parameter collector, Tomcat's own
 * refusals as problems, their auto-configuration.
 */
@NullMarked
package com.bellyfed.kit.web;

import org.jspecify.annotations.NullMarked;
