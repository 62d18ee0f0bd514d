package com.bellyfed.kit.paging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a service that pages its {@link Cursors}, keyed from {@code bellyfed.paging}. Opt-in rather
 * than auto-configured: the secret is required, and a service that never pages must not need one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(PagingConfiguration.class)
public @interface EnablePaging {}
