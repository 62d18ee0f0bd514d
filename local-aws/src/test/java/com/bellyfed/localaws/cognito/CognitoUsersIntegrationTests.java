package com.bellyfed.localaws.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bellyfed.localaws.junit.LocalAwsTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.bellyfed.localaws.edge.AwsService;
import com.bellyfed.localaws.faults.Fault;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

@LocalAwsTest
class CognitoUsersIntegrationTests extends CognitoFixtures {



  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPool.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html
  @Test
  void aPoolHasACognitoIdAndDescribesItsPolicy() {
    String id = cognito.createUserPool(request -> request.poolName("described")).userPool().id();

    DescribeUserPoolResponse described = cognito.describeUserPool(request -> request.userPoolId(id));

    assertThat(id).matches(localAws.region().id() + "_[A-Za-z0-9]{9}");
    assertThat(described.userPool().name()).isEqualTo("described");
    assertThat(described.userPool().arn()).isEqualTo("arn:aws:cognito-idp:" + localAws.region().id() + ":000000000000:userpool/" + id);
    assertThat(described.userPool().policies().passwordPolicy().minimumLength()).isEqualTo(8);
    assertThat(described.userPool().policies().passwordPolicy().requireSymbols()).isTrue();
    assertThat(described.userPool().creationDate()).isNotNull();
    assertThatThrownBy(() -> cognito.describeUserPool(request -> request.userPoolId("us-east-1_Missing00")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User pool us-east-1_Missing00 does not exist."));
    // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html
    String clientId = cognito.createUserPoolClient(request -> request.userPoolId(id).clientName("web")).userPoolClient().clientId();
    assertThat(clientId).matches("[a-z0-9]{26}");
    assertThatThrownBy(() -> cognito.signUp(request -> request.clientId("nosuchclient00000000000000").username("x").password(PASSWORD)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User pool client nosuchclient00000000000000 does not exist."));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUser.html
  @Test
  void anAdministratorCreatedUserMustChangeTheTemporaryPassword() {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);

    UserType created =
        cognito.adminCreateUser(request -> request.userPoolId(pool.poolId()).username("max").temporaryPassword(PASSWORD)
                .userAttributes(attribute -> attribute.name("email").value("max@example.com")).messageAction("SUPPRESS"))
            .user();

    assertThat(created.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    assertThat(created.enabled()).isTrue();
    assertThat(created.attributes()).extracting(attribute -> attribute.name() + "=" + attribute.value())
        .contains("email=max@example.com").anySatisfy(pair -> assertThat(pair).startsWith("sub="));
    assertThat(cognito.adminGetUser(request -> request.userPoolId(pool.poolId()).username("max")).userStatus())
        .isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
    AdminInitiateAuthResponse challenge =
        cognito.adminInitiateAuth(request -> request.userPoolId(pool.poolId()).clientId(pool.clientId())
            .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", "max", "PASSWORD", PASSWORD)));
    assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.NEW_PASSWORD_REQUIRED);
    assertThat(challenge.authenticationResult()).isNull();
    assertThatThrownBy(() -> cognito.adminCreateUser(request -> request.userPoolId(pool.poolId()).username("max").temporaryPassword(PASSWORD)))
        .isInstanceOfSatisfying(UsernameExistsException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User account already exists"));
    assertThatThrownBy(() -> cognito.adminGetUser(request -> request.userPoolId(pool.poolId()).username("nobody")))
        .isInstanceOfSatisfying(UserNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User does not exist."));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
  @Test
  void listUsersPagesAndFiltersByEmailUsernameAndSub() {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    List<String> subs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String name = "user" + i;
      subs.add(cognito.signUp(request -> request.clientId(pool.clientId()).username(name).password(PASSWORD)
              .userAttributes(attribute -> attribute.name("email").value(name + "@example.com")))
          .userSub());
    }

    List<String> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String from = token;
      ListUsersResponse page = cognito.listUsers(request -> request.userPoolId(pool.poolId()).limit(2).paginationToken(from));
      assertThat(page.users()).hasSizeLessThanOrEqualTo(2);
      page.users().forEach(user -> paged.add(user.username()));
      token = page.paginationToken();
      pages++;
    } while (token != null);
    assertThat(paged).containsExactlyInAnyOrder("user0", "user1", "user2", "user3", "user4");
    assertThat(pages).isEqualTo(3);

    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("email = \"user3@example.com\"")).users())
        .extracting(UserType::username).containsExactly("user3");
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("username = \"user1\"")).users())
        .extracting(UserType::username).containsExactly("user1");
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("sub = \"" + subs.get(4) + "\"")).users())
        .extracting(UserType::username).containsExactly("user4");
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("email ^= \"user\"")).users()).hasSize(5);
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("cognito:user_status = \"UNCONFIRMED\"")).users()).hasSize(5);
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("email = \"nobody@example.com\"")).users()).isEmpty();
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId()).attributesToGet("email").limit(1)).users().get(0).attributes())
        .extracting(attribute -> attribute.name()).containsExactly("email");

    assertThatThrownBy(() -> cognito.listUsers(request -> request.userPoolId(pool.poolId()).filter("email is user3")))
        .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Error while parsing filter."));
    assertThatThrownBy(() -> cognito.listUsers(request -> request.userPoolId(pool.poolId()).limit(61)))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).contains("Member must have value less than or equal to 60"));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminAddUserToGroup.html
  @Test
  void groupsAreUniqueAndOnlyExistingOnesTakeMembers() {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    cognito.signUp(request -> request.clientId(pool.clientId()).username("ned").password(PASSWORD));

    assertThat(cognito.createGroup(request -> request.userPoolId(pool.poolId()).groupName("user").precedence(10)).group().precedence()).isEqualTo(10);
    assertThatThrownBy(() -> cognito.createGroup(request -> request.userPoolId(pool.poolId()).groupName("user")))
        .isInstanceOfSatisfying(GroupExistsException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("A group with the name user already exists."));
    assertThatThrownBy(() -> cognito.adminAddUserToGroup(request -> request.userPoolId(pool.poolId()).username("ned").groupName("nope")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Group not found."));
    assertThatThrownBy(() -> cognito.adminAddUserToGroup(request -> request.userPoolId(pool.poolId()).username("nobody").groupName("user")))
        .isInstanceOf(UserNotFoundException.class);
    cognito.adminAddUserToGroup(request -> request.userPoolId(pool.poolId()).username("ned").groupName("user"));
  }

  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html (TooManyRequestsException)
  @Test
  void throttlingInjectedForCognitoIsCognitosTooManyRequestsException() {
    Pool pool = newPool(PreventUserExistenceErrorTypes.ENABLED);
    Fault fault = Fault.throttling(AwsService.COGNITO_IDP, 1.0).onlyFor("ListUsers");
    localAws.faults().inject(fault);
    try {
      assertThatThrownBy(() -> cognito.listUsers(request -> request.userPoolId(pool.poolId())))
          .isInstanceOfSatisfying(TooManyRequestsException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    } finally {
      localAws.faults().clear(AwsService.COGNITO_IDP);
    }
    assertThat(cognito.listUsers(request -> request.userPoolId(pool.poolId())).users()).isEmpty();
  }
}
