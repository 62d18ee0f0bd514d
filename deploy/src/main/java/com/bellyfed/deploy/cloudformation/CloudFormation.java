package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.Topology;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CloudFormation template of one environment: every bus, rule, queue and table of the {@link Topology}
 * local-aws provisions, the user pool with its PostConfirmation trigger, a least-privilege role per service
 * and the alarms of the seeds. Written to {@code deploy/cloudformation/bellyfed-{env}.json} by {@link
 * com.bellyfed.deploy.GeneratedFiles}.
 */
public final class CloudFormation {

  private CloudFormation() {}

  public static ObjectNode template(Environment environment) {
    Topology topology = Topology.bellyfed(environment).validate();
    Template template = new Template(
        "Bellyfed " + environment.id() + ": buses, rules, queues, tables, user pool, service roles and alarms,"
            + " generated from the topology by the deploy module (do not edit by hand)");
    Tags tags = new Tags(environment);
    Rules.add(template, topology, tags);
    Queues.add(template, topology, tags);
    Tables.add(template, topology, tags);
    Identity.add(template, topology, tags);
    Runtime.add(template, topology, tags);
    ServiceRoles.add(template, topology, tags);
    Alarms.add(template, topology, tags);
    return template.json();
  }
}
