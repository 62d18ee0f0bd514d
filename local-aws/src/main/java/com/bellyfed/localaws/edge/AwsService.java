package com.bellyfed.localaws.edge;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The AWS services local-aws emulates, by their signing names. */
public enum AwsService {
  SQS("sqs"),
  DYNAMODB("dynamodb"),
  EVENTS("events"),
  COGNITO_IDP("cognito-idp"),
  CLOUDWATCH("monitoring");

  private final String signingName;

  AwsService(String signingName) {
    this.signingName = signingName;
  }

  public String signingName() {
    return signingName;
  }

  public static Optional<AwsService> bySigningName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(service -> service.signingName.equals(lower)).findFirst();
  }
}
