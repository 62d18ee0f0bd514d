package com.bellyfed.query.web;

import java.time.Duration;
import org.springframework.http.CacheControl;

/**
 * How long clients and CDNs may keep each resource. Restaurant pages change rarely and carry an
 * ETag, so caches may keep them a minute and revalidate cheaply; listings move with every new
 * review, so they are kept briefly; profiles are a person's own data, so only private caches keep
 * them, and only after revalidating.
 */
public final class CachePolicies {

  private CachePolicies() {}

  public static CacheControl restaurant() {
    return CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic().mustRevalidate();
  }

  public static CacheControl listing() {
    return CacheControl.maxAge(Duration.ofSeconds(15)).cachePublic();
  }

  public static CacheControl profile() {
    return CacheControl.noCache().cachePrivate();
  }
}
