package com.bellyfed.localaws.cognito;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a pool does with Cognito's PostConfirmation trigger payload. In local-aws every pool behaves
 * as if the Lambda of docs/write-service.md were attached: the payload goes unchanged, as the
 * {@code detail} of a {@code PostConfirmation} event, onto the environment's auth bus.
 */
@FunctionalInterface
public interface PostConfirmationTrigger {

  PostConfirmationTrigger NONE = payload -> {};

  /**
   * @throws RuntimeException when the trigger fails, which fails the confirmation
   *     ({@code UnexpectedLambdaException}) and leaves the user unconfirmed
   */
  void fire(ObjectNode payload);
}
