/** The four services as every deployment runs them: ports, probes, resources, settings and secrets. */
@NullMarked
package com.bellyfed.deploy.services;

import org.jspecify.annotations.NullMarked;
