package com.bellyfed.events.naming;

import java.util.regex.Pattern;

/**
 * The naming conventions of DESIGN.md §3: buses {@code bellyfed-{category}-{domain}-{env}} (the
 * analytics bus has no domain), queues {@code {env}-{flow}-queue} with {@code {env}-{flow}-dlq},
 * rules {@code {env}-{flow}-{bus-domain}-rule} and tables {@code bellyfed-{table}-{env}}.
 */
public final class Names {

  private static final String ENV = "(dev|staging|prod)";
  private static final String WORD = "[a-z][a-z0-9]*(-[a-z0-9]+)*";

  static final Pattern BUS =
      Pattern.compile("bellyfed-((domain|infra)-[a-z][a-z0-9]*|analytics)-" + ENV);
  static final Pattern QUEUE = Pattern.compile(ENV + "-" + WORD + "-queue");
  static final Pattern DLQ = Pattern.compile(ENV + "-" + WORD + "-dlq");
  static final Pattern RULE = Pattern.compile(ENV + "-" + WORD + "-rule");
  static final Pattern TABLE = Pattern.compile("bellyfed-" + WORD + "-" + ENV);

  // AWS limits: rule names 64 characters, queue names 80, table names 255.
  private static final int MAX_RULE = 64;
  private static final int MAX_QUEUE = 80;

  private Names() {}

  public static String bus(BusCategory category, String domain, Environment env) {
    return "bellyfed-" + category.id() + "-" + domain + "-" + env.id();
  }

  public static String analyticsBus(Environment env) {
    return "bellyfed-analytics-" + env.id();
  }

  public static String queue(String flow, Environment env) {
    return env.id() + "-" + flow + "-queue";
  }

  public static String deadLetterQueue(String flow, Environment env) {
    return env.id() + "-" + flow + "-dlq";
  }

  public static String rule(String flow, String busDomain, Environment env) {
    return env.id() + "-" + flow + "-" + busDomain + "-rule";
  }

  public static String table(String table, Environment env) {
    return "bellyfed-" + table + "-" + env.id();
  }

  /** The problem with a bus name, or {@code null} if it follows the convention. */
  public static String checkBus(String name, Environment env) {
    return check(name, BUS, env, Integer.MAX_VALUE, "bellyfed-{domain|infra}-{domain}-{env}");
  }

  public static String checkQueue(String name, Environment env) {
    return check(name, QUEUE, env, MAX_QUEUE, "{env}-{flow}-queue");
  }

  public static String checkDeadLetterQueue(String name, Environment env) {
    return check(name, DLQ, env, MAX_QUEUE, "{env}-{flow}-dlq");
  }

  public static String checkRule(String name, Environment env) {
    return check(name, RULE, env, MAX_RULE, "{env}-{flow}-{bus-domain}-rule");
  }

  public static String checkTable(String name, Environment env) {
    return check(name, TABLE, env, 255, "bellyfed-{table}-{env}");
  }

  private static String check(
      String name, Pattern pattern, Environment env, int maxLength, String convention) {
    if (!pattern.matcher(name).matches()) {
      return "name does not follow " + convention;
    }
    if (name.length() > maxLength) {
      return "name is longer than the AWS limit of " + maxLength + " characters";
    }
    if (!name.startsWith(env.id() + "-") && !name.endsWith("-" + env.id())) {
      return "name does not carry the environment '" + env.id() + "'";
    }
    return null;
  }
}
