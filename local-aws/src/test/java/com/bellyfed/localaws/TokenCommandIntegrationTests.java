package com.bellyfed.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import com.bellyfed.localaws.junit.LocalAwsTest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@LocalAwsTest
class TokenCommandIntegrationTests {

  @Test
  void printsASignedAccessTokenOfTheEnvironmentsPoolWithTheGroups(LocalAws localAws) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new LocalAwsMain()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));

    int exit = command.execute("token", "--user", "cli-ana", "--groups", "admin,user", "--endpoint", localAws.endpoint().toString());

    assertThat(exit).as(err.toString()).isZero();
    SignedJWT token = SignedJWT.parse(out.toString().strip());
    JWKSet jwks = JWKSet.load(new URL(localAws.userPool().jwksUri().toString()));
    assertThat(token.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId(token.getHeader().getKeyID())))).isTrue();
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(localAws.userPool().issuer().toString());
    assertThat(claims.getStringClaim("client_id")).isEqualTo(localAws.userPool().clientId());
    assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
    assertThat(claims.getStringClaim("username")).isEqualTo("cli-ana");
    assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admin", "user");

    // The same user again: the same sub.
    StringWriter again = new StringWriter();
    new CommandLine(new LocalAwsMain()).setOut(new PrintWriter(again))
        .execute("token", "--user", "cli-ana", "--endpoint", localAws.endpoint().toString());
    assertThat(SignedJWT.parse(again.toString().strip()).getJWTClaimsSet().getSubject()).isEqualTo(claims.getSubject());
  }

  @Test
  void anEnvironmentWithoutAPoolIsAClearError(LocalAws localAws) {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new LocalAwsMain()).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));

    int exit = command.execute("token", "--user", "x", "--env", "staging", "--endpoint", localAws.endpoint().toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("has no user pool bellyfed-staging");
  }
}
