package com.bellyfed.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a load-sized test (or class): the default build leaves it out, {@code ./mvnw verify -Pload}
 * runs it (the parent pom's {@code tests.groups}). Whatever it proves must also be proven at a
 * small size in the default build, usually by the same test with a smaller count.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(LoadTest.TAG)
public @interface LoadTest {

  String TAG = "load";
}
