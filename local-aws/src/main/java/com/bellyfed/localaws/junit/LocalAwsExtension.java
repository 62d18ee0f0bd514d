package com.bellyfed.localaws.junit;

import com.bellyfed.events.topology.Topology;
import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.cognito.ProvisionedPool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts one local-aws per JVM on a free port, with the dev topology provisioned, and hands tests
 * its SDK clients. The Spring context of a test class that runs with it gets local-aws's connection
 * details ({@link LocalAwsContextCustomizerFactory}), so Spring Boot tests talk to it without system
 * properties. Tests isolate themselves by naming, not by restarts.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

  private static @Nullable LocalAws instance;

  /**
   * The JVM's local-aws, started on first use and stopped when the JVM exits. Not JUnit's root store:
   * Surefire and Failsafe with more than one fork launch JUnit once per test class, so the root store
   * (and whatever it closes) ends with every class, while this instance must serve them all.
   */
  public static synchronized LocalAws shared() {
    if (instance == null) {
      LocalAws started = LocalAws.start(LocalAws.Settings.defaults().withPort(0));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-aws-stop"));
      instance = started;
    }
    return instance;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    shared();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalAws.class
        || type == SqsClient.class
        || type == DynamoDbClient.class
        || type == EventBridgeClient.class
        || type == CognitoIdentityProviderClient.class
        || type == ProvisionedPool.class
        || type == Topology.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalAws localAws = shared();
    Class<?> type = parameter.getParameter().getType();
    if (type == SqsClient.class) {
      return localAws.sqs();
    }
    if (type == DynamoDbClient.class) {
      return localAws.dynamoDb();
    }
    if (type == EventBridgeClient.class) {
      return localAws.eventBridge();
    }
    if (type == CognitoIdentityProviderClient.class) {
      return localAws.cognitoIdentityProvider();
    }
    if (type == ProvisionedPool.class) {
      return localAws.userPool();
    }
    if (type == Topology.class) {
      return localAws.topology();
    }
    return localAws;
  }
}
