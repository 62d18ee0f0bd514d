package com.bellyfed.localaws.dynamodb.conformance;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.localaws.junit.LocalAwsExtension;
import java.net.URI;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the conformance suite sends its requests. With {@code DYNAMODB_CONFORMANCE_ENDPOINT} set
 * (environment or system property), a DynamoDB client for that endpoint with the default credentials
 * and region; otherwise the shared local-aws of this JVM. Tests take {@link DynamoDbClient},
 * {@link RawDynamoDb} and {@link Tables} as parameters and nothing else, so that they encode AWS's
 * behaviour, not ours.
 */
public final class ConformanceTarget implements ParameterResolver {

  public static final String ENDPOINT = "DYNAMODB_CONFORMANCE_ENDPOINT";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConformanceTarget.class);

  /** Whether the suite runs against a remote DynamoDB (AWS itself): waits are longer there. */
  public static boolean remote() {
    return endpointSetting() != null;
  }

  private static String endpointSetting() {
    String endpoint = System.getProperty(ENDPOINT, System.getenv(ENDPOINT));
    return endpoint == null || endpoint.isBlank() ? null : endpoint;
  }

  static DynamoDbClient client(ExtensionContext context) {
    if (!remote()) {
      // local-aws's own client, which lives as long as local-aws; the store would close it with the class.
      return LocalAwsExtension.shared().dynamoDb();
    }
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(DynamoDbClient.class, key -> newClient(), DynamoDbClient.class);
  }

  private static DynamoDbClient newClient() {
    String endpoint = endpointSetting();
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(endpoint))
        .region(regionOrDefault())
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClient(Apache5HttpClient.create())
        .build();
  }

  static RawDynamoDb raw(ExtensionContext context) {
    String endpoint = endpointSetting();
    if (endpoint == null) {
      LocalAws localAws = LocalAwsExtension.shared();
      return new RawDynamoDb(
          localAws.endpoint(), localAws.region(), AwsBasicCredentials.create("local", "local"));
    }
    return new RawDynamoDb(
        URI.create(endpoint), regionOrDefault(), DefaultCredentialsProvider.builder().build().resolveCredentials());
  }

  private static Region regionOrDefault() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (RuntimeException none) {
      return Region.US_EAST_1;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbClient.class || type == Tables.class || type == RawDynamoDb.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    DynamoDbClient client = client(context);
    if (parameter.getParameter().getType() == DynamoDbClient.class) {
      return client;
    }
    if (parameter.getParameter().getType() == RawDynamoDb.class) {
      return raw(context);
    }
    // One Tables per test class: the tables it made are deleted when the class is done.
    ExtensionContext classContext = context.getParent().filter(parent -> parent.getTestClass().isPresent()
        && parent.getTestMethod().isEmpty()).orElse(context);
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(Tables.class, key -> new Tables(client), Tables.class);
  }
}
