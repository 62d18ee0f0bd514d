package com.bellyfed.benchmarks;

import com.bellyfed.localaws.LocalAws;
import com.bellyfed.testing.processes.LocalAwsAccess;
import com.bellyfed.testing.processes.ServiceProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** The benchmarks' services as processes (test-support's {@link ServiceProcess}) against their in-process local-aws. */
public final class Services {

  private Services() {}

  /** Starts {@code jar} with the JVM options before it and the service's own settings after the common ones. */
  public static ServiceProcess start(String name, Path jar, LocalAws localAws, Path log, List<String> jvmOptions, List<String> settings) {
    return ServiceProcess.start(name, jar, access(localAws), log, jvmOptions, settings);
  }

  /** As {@link #start(String, Path, LocalAws, Path, List, List)}, the command line passed through {@code wrap} (e.g. {@code taskset}). */
  public static ServiceProcess start(String name, Path jar, LocalAws localAws, Path log, List<String> jvmOptions, List<String> settings,
      UnaryOperator<List<String>> wrap) {
    return ServiceProcess.start(name, jar, access(localAws), log, jvmOptions, settings, wrap);
  }

  /** The edge, region and user pool of an in-process local-aws, as a service is given them. */
  public static LocalAwsAccess access(LocalAws localAws) {
    return new LocalAwsAccess(localAws.endpoint(), localAws.region().id(), localAws.userPool().issuer().toString(), localAws.userPool().clientId());
  }
}
