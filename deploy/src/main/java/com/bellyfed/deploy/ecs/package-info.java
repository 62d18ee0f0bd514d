/**
 * Fargate task and service definitions for the four services, as the inputs of {@code aws ecs
 * register-task-definition} and {@code create-service}, with {@code ${NAME}} placeholders for what only the
 * account knows (docs/deployment.md).
 */
@NullMarked
package com.bellyfed.deploy.ecs;

import org.jspecify.annotations.NullMarked;
