package com.bellyfed.localaws.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.Json;
import com.nimbusds.jose.jwk.JWKSet;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserPoolsTests {

  // Decision 33: ids come from the names, so a restarted local-aws provisions the same pool and client ids.
  @Test
  void thePoolAndClientOfANameGetTheSameIdsInEveryRun() {
    String[] first = poolAndClient(new UserPools("eu-west-1", "000000000000", "http://localhost:4566", null, Clock.systemUTC()));
    String[] second = poolAndClient(new UserPools("eu-west-1", "000000000000", "http://localhost:4566", null, Clock.systemUTC()));

    assertThat(second).containsExactly(first);
    assertThat(first[0]).matches("eu-west-1_[A-Za-z0-9]{9}");
    assertThat(first[1]).matches("[a-z0-9]{26}");
  }

  @Test
  void aSecondPoolOfTheSameNameGetsAnotherId() {
    UserPools pools = new UserPools("us-east-1", "000000000000", "http://localhost:4566", null, Clock.systemUTC());

    assertThat(poolAndClient(pools)[0]).isNotEqualTo(poolAndClient(pools)[0]);
  }

  // With a data directory the signing keys survive a restart: tokens issued before it stay valid.
  @Test
  void keysKeptInADataDirectoryAreTheSameAfterARestart(@TempDir Path dir) throws Exception {
    UserPools before = new UserPools("us-east-1", "000000000000", "http://localhost:4566", dir, Clock.systemUTC());
    String poolId = poolAndClient(before)[0];
    before.rotateKeys(poolId);

    UserPools after = new UserPools("us-east-1", "000000000000", "http://localhost:4566", dir, Clock.systemUTC());
    poolAndClient(after);

    assertThat(JWKSet.parse(after.jwks(poolId)).getKeys()).hasSize(2);
    assertThat(after.jwks(poolId)).isEqualTo(before.jwks(poolId));
  }

  private static String[] poolAndClient(UserPools pools) {
    String poolId = pools.createUserPool(Json.MAPPER.createObjectNode().put("PoolName", "bellyfed-dev")).path("UserPool").path("Id").asText();
    String clientId =
        pools.createUserPoolClient(Json.MAPPER.createObjectNode().put("UserPoolId", poolId).put("ClientName", "bellyfed-web-dev"))
            .path("UserPoolClient").path("ClientId").asText();
    return new String[] {poolId, clientId};
  }
}
