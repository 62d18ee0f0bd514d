package com.bellyfed.localaws.dynamodb.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A DynamoDB conformance test class: it runs against the engine of the JVM's shared local-aws, or,
 * unchanged, against any DynamoDB endpoint named by {@code DYNAMODB_CONFORMANCE_ENDPOINT} (e.g.
 * {@code https://dynamodb.us-east-1.amazonaws.com}, with credentials and region from the SDK's
 * default chains). See {@link ConformanceTarget}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ConformanceTarget.class)
public @interface ConformanceTest {}
