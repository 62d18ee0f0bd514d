package com.bellyfed.events.provisioning;

import com.bellyfed.events.provisioning.ProvisioningReport.Action;
import com.bellyfed.events.provisioning.ProvisioningReport.Change;
import com.bellyfed.events.provisioning.ProvisioningReport.UserPoolIds;
import com.bellyfed.events.topology.UserPoolDefinition;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Creates the environment's user pool, web app client and groups when missing, found by name (pool
 * ids are AWS's to choose). An existing pool or client is left as it is.
 */
final class CognitoProvisioner {

  private final CognitoIdentityProviderClient cognito;

  CognitoProvisioner(CognitoIdentityProviderClient cognito) {
    this.cognito = cognito;
  }

  UserPoolIds apply(UserPoolDefinition definition, Consumer<Change> changes) {
    String poolId;
    Optional<UserPoolDescriptionType> existing =
        cognito.listUserPoolsPaginator(request -> request.maxResults(60)).userPools().stream()
            .filter(pool -> pool.name().equals(definition.poolName()))
            .findFirst();
    if (existing.isPresent()) {
      poolId = existing.get().id();
      changes.accept(Provisioner.change("pool", definition.poolName(), Action.UNCHANGED, poolId));
    } else {
      poolId =
          cognito.createUserPool(request -> request.poolName(definition.poolName()).autoVerifiedAttributes(VerifiedAttributeType.EMAIL))
              .userPool().id();
      changes.accept(Provisioner.change("pool", definition.poolName(), Action.CREATED, poolId));
    }
    String clientId;
    Optional<UserPoolClientDescription> client =
        cognito.listUserPoolClientsPaginator(request -> request.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
            .filter(description -> description.clientName().equals(definition.clientName()))
            .findFirst();
    if (client.isPresent()) {
      clientId = client.get().clientId();
      changes.accept(Provisioner.change("client", definition.clientName(), Action.UNCHANGED, clientId));
    } else {
      clientId =
          cognito.createUserPoolClient(
                  request -> request.userPoolId(poolId)
                      .clientName(definition.clientName())
                      .generateSecret(false)
                      .explicitAuthFlowsWithStrings(definition.explicitAuthFlows())
                      .preventUserExistenceErrors("ENABLED")
                      .enableTokenRevocation(true))
              .userPoolClient().clientId();
      changes.accept(Provisioner.change("client", definition.clientName(), Action.CREATED, clientId));
    }
    for (String group : definition.groups()) {
      try {
        cognito.createGroup(request -> request.userPoolId(poolId).groupName(group));
        changes.accept(Provisioner.change("group", definition.poolName() + "/" + group, Action.CREATED, ""));
      } catch (GroupExistsException exists) {
        changes.accept(Provisioner.change("group", definition.poolName() + "/" + group, Action.UNCHANGED, ""));
      }
    }
    return new UserPoolIds(poolId, clientId);
  }

}
