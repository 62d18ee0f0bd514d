/**
 * The AWS side of one environment as a CloudFormation template, generated from the {@link
 * com.bellyfed.events.topology.Topology} that local-aws provisions, so the two cannot drift.
 */
@NullMarked
package com.bellyfed.deploy.cloudformation;

import org.jspecify.annotations.NullMarked;
