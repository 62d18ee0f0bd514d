package com.bellyfed.localaws.dynamodb;

import com.bellyfed.localaws.dynamodb.model.Value;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB API error as AWS sends it: the fully qualified {@code __type} (SDKs read the part after
 * {@code #}), the message, and the HTTP status.
 */
public class DynamoDbException extends RuntimeException {

  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";

  private final String type;
  private final int status;

  public DynamoDbException(String type, String message, int status) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  /** The fully qualified type, e.g. {@code com.amazon.coral.validate#ValidationException}. */
  public String type() {
    return type;
  }

  /** The short name SDKs map to an exception class, e.g. {@code ValidationException}. */
  public String shortType() {
    return type.substring(type.indexOf('#') + 1);
  }

  public int status() {
    return status;
  }

  /**
   * Whether AWS spells the message member {@code Message} for this type: the coral service errors
   * (serialization, unknown operation) do, DynamoDB's own and validation errors say {@code message}.
   */
  public boolean capitalisedMessage() {
    return type.startsWith("com.amazon.coral.service#");
  }

  public static DynamoDbException validation(String message) {
    return new DynamoDbException("com.amazon.coral.validate#ValidationException", message, 400);
  }

  public static DynamoDbException serialization(String message) {
    return new DynamoDbException("com.amazon.coral.service#SerializationException", message, 400);
  }

  public static DynamoDbException unknownOperation(String message) {
    return new DynamoDbException("com.amazon.coral.service#UnknownOperationException", message, 400);
  }

  public static DynamoDbException resourceNotFound(String message) {
    return new DynamoDbException(DYNAMODB + "ResourceNotFoundException", message, 400);
  }

  public static DynamoDbException resourceInUse(String message) {
    return new DynamoDbException(DYNAMODB + "ResourceInUseException", message, 400);
  }

  public static DynamoDbException idempotentParameterMismatch(String message) {
    return new DynamoDbException(DYNAMODB + "IdempotentParameterMismatchException", message, 400);
  }

  public static DynamoDbException limitExceeded(String message) {
    return new DynamoDbException(DYNAMODB + "LimitExceededException", message, 400);
  }

  public static DynamoDbException internal(String message) {
    return new DynamoDbException(DYNAMODB + "InternalServerError", message, 500);
  }

  /** ConditionalCheckFailedException, carrying the item when ReturnValuesOnConditionCheckFailure asked for it. */
  public static final class ConditionalCheckFailed extends DynamoDbException {

    private final @Nullable Map<String, Value> item;

    public ConditionalCheckFailed(@Nullable Map<String, Value> item) {
      super(DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed", 400);
      this.item = item;
    }

    public @Nullable Map<String, Value> item() {
      return item;
    }
  }

  /**
   * One entry of a TransactionCanceledException's CancellationReasons, in the order of the request's
   * actions: code {@code None} for an action that was fine.
   */
  public record CancellationReason(String code, @Nullable String message, @Nullable Map<String, Value> item) {

    public static final CancellationReason NONE = new CancellationReason("None", null, null);
  }

  /** TransactionCanceledException, with one reason per action and AWS's message listing their codes. */
  public static final class TransactionCanceled extends DynamoDbException {

    private final List<CancellationReason> reasons;

    public TransactionCanceled(List<CancellationReason> reasons) {
      super(DYNAMODB + "TransactionCanceledException", message(reasons), 400);
      this.reasons = List.copyOf(reasons);
    }

    public List<CancellationReason> reasons() {
      return reasons;
    }

    private static String message(List<CancellationReason> reasons) {
      StringBuilder codes = new StringBuilder();
      for (CancellationReason reason : reasons) {
        if (codes.length() > 0) {
          codes.append(", ");
        }
        codes.append(reason.code());
      }
      return "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]";
    }
  }
}
