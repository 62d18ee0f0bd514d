/** The suite's deployments as code: CloudFormation, ECS, and the settings they share. */
@NullMarked
package com.bellyfed.deploy;

import org.jspecify.annotations.NullMarked;
