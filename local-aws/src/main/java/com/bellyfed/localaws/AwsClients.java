package com.bellyfed.localaws;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Stock SDK v2 clients for one endpoint: local-aws or LocalStack (dummy credentials, access key
 * {@code accessKey}), or AWS itself when no endpoint is given (the default credentials chain).
 */
public record AwsClients(@Nullable URI endpoint, Region region, String accessKey) {

  public AwsClients(@Nullable URI endpoint, Region region) {
    this(endpoint, region, "local");
  }

  public SqsClient sqs() {
    return configure(SqsClient.builder()).httpClient(Apache5HttpClient.create()).build();
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder()).httpClient(Apache5HttpClient.create()).build();
  }

  public EventBridgeClient eventBridge() {
    return configure(EventBridgeClient.builder()).httpClient(Apache5HttpClient.create()).build();
  }

  public CognitoIdentityProviderClient cognito() {
    return configure(CognitoIdentityProviderClient.builder()).httpClient(Apache5HttpClient.create()).build();
  }

  public CloudWatchClient cloudWatch() {
    return configure(CloudWatchClient.builder()).httpClient(Apache5HttpClient.create()).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
    builder.region(region).credentialsProvider(credentials());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  private AwsCredentialsProvider credentials() {
    return endpoint == null
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "local"));
  }
}
