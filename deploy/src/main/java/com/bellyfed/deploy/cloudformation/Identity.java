package com.bellyfed.deploy.cloudformation;

import com.bellyfed.events.naming.Environment;
import com.bellyfed.events.topology.Topology;
import com.bellyfed.events.topology.UserPoolDefinition;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The user pool, its web client and groups, as local-aws provisions them, and the PostConfirmation trigger
 * that local-aws plays itself: a function that puts Cognito's payload on the auth bus
 * (docs/write-service.md) and throws when the put fails, so that Cognito fails the confirmation instead of
 * leaving an account nobody created.
 */
final class Identity {

  static final String POOL = "UserPool";
  static final String CLIENT = "WebClient";
  static final String TRIGGER = "PostConfirmationFunction";
  static final String TRIGGER_ROLE = "PostConfirmationFunctionRole";

  // CommonJS, because inline code becomes index.js; Node.js 24's runtime carries the AWS SDK v3.
  private static final String TRIGGER_CODE =
      """
      const { EventBridgeClient, PutEventsCommand } = require("@aws-sdk/client-eventbridge");
      const events = new EventBridgeClient({});
      exports.handler = async (event) => {
        const answer = await events.send(new PutEventsCommand({ Entries: [{
          EventBusName: process.env.AUTH_BUS, Source: "bellyfed.auth", DetailType: "PostConfirmation",
          Detail: JSON.stringify(event) }] }));
        if (answer.FailedEntryCount > 0) {
          throw new Error("PutEvents refused the PostConfirmation event: " + JSON.stringify(answer.Entries));
        }
        return event;
      };
      """;

  private Identity() {}

  static void add(Template template, Topology topology, Tags tags) {
    UserPoolDefinition definition = topology.userPool();
    String authBus = Rules.busLogicalId(topology.bus("auth").name());

    ObjectNode pool = template.resource(POOL, "AWS::Cognito::UserPool");
    if (topology.environment() == Environment.PROD) {
      template.resourceNode(POOL).put("DeletionPolicy", "Retain").put("UpdateReplacePolicy", "Retain");
    }
    pool.put("UserPoolName", definition.poolName());
    pool.putArray("AutoVerifiedAttributes").add("email");
    pool.putObject("Policies").putObject("PasswordPolicy")
        .put("MinimumLength", 8)
        .put("RequireLowercase", true)
        .put("RequireUppercase", true)
        .put("RequireNumbers", true)
        .put("RequireSymbols", true);
    pool.put("DeletionProtection", topology.environment() == Environment.PROD ? "ACTIVE" : "INACTIVE");
    pool.putObject("LambdaConfig").set("PostConfirmation", Template.arn(TRIGGER));
    pool.set("UserPoolTags", tags.map("identity"));

    ObjectNode client = template.resource(CLIENT, "AWS::Cognito::UserPoolClient");
    client.put("ClientName", definition.clientName());
    client.set("UserPoolId", Template.ref(POOL));
    client.put("GenerateSecret", false);
    ArrayNode flows = client.putArray("ExplicitAuthFlows");
    definition.explicitAuthFlows().forEach(flows::add);
    client.put("PreventUserExistenceErrors", "ENABLED");
    client.put("EnableTokenRevocation", true);

    for (String group : definition.groups()) {
      ObjectNode json = template.resource(Template.logicalId(group, "Group"), "AWS::Cognito::UserPoolGroup");
      json.put("GroupName", group);
      json.set("UserPoolId", Template.ref(POOL));
    }

    ObjectNode role = template.resource(TRIGGER_ROLE, "AWS::IAM::Role");
    role.set("AssumeRolePolicyDocument", ServiceRoles.trust("lambda.amazonaws.com"));
    ObjectNode document = ServiceRoles.document();
    ServiceRoles.allow(document, "PutOnAuthBus", Template.array().add("events:PutEvents"), Template.array().add(Template.arn(authBus)));
    ServiceRoles.allow(
        document,
        "WriteOwnLogs",
        Template.array().add("logs:CreateLogStream").add("logs:PutLogEvents"),
        Template.array().add(Template.sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/"
            + triggerName(topology) + ":*")));
    role.putArray("Policies").addObject().put("PolicyName", "post-confirmation").set("PolicyDocument", document);
    role.set("Tags", tags.list("identity"));

    // The log group is declared, so that the function needs no logs:CreateLogGroup.
    ObjectNode logs = template.resource("PostConfirmationLogGroup", "AWS::Logs::LogGroup");
    logs.put("LogGroupName", "/aws/lambda/" + triggerName(topology));
    logs.put("RetentionInDays", 30);

    ObjectNode function = template.resource(TRIGGER, "AWS::Lambda::Function");
    template.resourceNode(TRIGGER).putArray("DependsOn").add("PostConfirmationLogGroup");
    function.put("FunctionName", triggerName(topology));
    function.put("Runtime", "nodejs24.x");
    function.put("Handler", "index.handler");
    function.put("Timeout", 5);
    function.set("Role", Template.arn(TRIGGER_ROLE));
    function.putObject("Code").put("ZipFile", TRIGGER_CODE);
    function.putObject("Environment").putObject("Variables").set("AUTH_BUS", Template.ref(authBus));
    function.set("Tags", tags.list("identity"));

    ObjectNode permission = template.resource("PostConfirmationInvokePermission", "AWS::Lambda::Permission");
    permission.put("Action", "lambda:InvokeFunction");
    permission.set("FunctionName", Template.arn(TRIGGER));
    permission.put("Principal", "cognito-idp.amazonaws.com");
    permission.set("SourceArn", Template.arn(POOL));

    template.output("UserPoolId", Template.ref(POOL), "The services' bellyfed.security.issuer-uri ends with it");
    template.output("WebClientId", Template.ref(CLIENT), "The services' bellyfed.security.client-ids");
    template.output(
        "IssuerUri",
        Template.sub("https://cognito-idp.${AWS::Region}.amazonaws.com/${" + POOL + "}"),
        "bellyfed.security.issuer-uri");
  }

  static String triggerName(Topology topology) {
    return "bellyfed-post-confirmation-" + topology.environment().id();
  }
}
