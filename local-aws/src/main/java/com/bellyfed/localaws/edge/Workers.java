package com.bellyfed.localaws.edge;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executors for request work: virtual threads when the JVM offers them (Java 21+), else a cached
 * pool of daemon threads. The code compiles for Java 17, hence the look-up at run time.
 */
public final class Workers {

  private Workers() {}

  public static ExecutorService newExecutor(String name) {
    try {
      Object builder =
          MethodHandles.publicLookup()
              .findStatic(Thread.class, "ofVirtual", MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")))
              .invoke();
      Class<?> builderType = Class.forName("java.lang.Thread$Builder");
      builder =
          MethodHandles.publicLookup()
              .findVirtual(builderType, "name", MethodType.methodType(builderType, String.class, long.class))
              .invoke(builder, name + "-", 0L);
      ThreadFactory factory =
          (ThreadFactory)
              MethodHandles.publicLookup()
                  .findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class))
                  .invoke(builder);
      return (ExecutorService)
          MethodHandles.publicLookup()
              .findStatic(
                  Executors.class,
                  "newThreadPerTaskExecutor",
                  MethodType.methodType(ExecutorService.class, ThreadFactory.class))
              .invoke(factory);
    } catch (Throwable noVirtualThreads) {
      return Executors.newCachedThreadPool(daemonThreads(name));
    }
  }

  public static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
