package com.bellyfed.write.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CognitoSignupTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsSubEmailUserNameAndPoolOfAConfirmedSignUp() throws Exception {
    CognitoSignup signup = CognitoSignup.parse(detail("""
        {"triggerSource":"PostConfirmation_ConfirmSignUp","userPoolId":"eu-west-1_X","userName":"ana",
         "request":{"userAttributes":{"sub":"5f1c-77","email":"ana@example.com"}}}"""));

    assertThat(signup).isEqualTo(new CognitoSignup("5f1c-77", "ana@example.com", "ana", "eu-west-1_X"));
  }

  @Test
  void ignoresAPasswordResetConfirmation() throws Exception {
    assertThat(CognitoSignup.parse(detail("{\"triggerSource\":\"PostConfirmation_ConfirmForgotPassword\",\"userName\":\"ana\"}"))).isNull();
  }

  @Test
  void namesWhatIsMissingOrMalformed() {
    assertThatIllegalArgumentException().isThrownBy(() -> CognitoSignup.parse(detail("{\"triggerSource\":\"PreSignUp_SignUp\"}")))
        .withMessageContaining("triggerSource");
    assertThatIllegalArgumentException().isThrownBy(() -> CognitoSignup.parse(detail("""
        {"triggerSource":"PostConfirmation_ConfirmSignUp","userName":"a","request":{"userAttributes":{"sub":"../x","email":"a@b"}}}""")))
        .withMessageContaining("sub");
    assertThatIllegalArgumentException().isThrownBy(() -> CognitoSignup.parse(detail("""
        {"triggerSource":"PostConfirmation_ConfirmSignUp","userName":"a","request":{"userAttributes":{"sub":"x","email":"nope"}}}""")))
        .withMessageContaining("email");
    assertThatIllegalArgumentException().isThrownBy(() -> CognitoSignup.parse(detail("""
        {"triggerSource":"PostConfirmation_ConfirmSignUp","request":{"userAttributes":{"sub":"x","email":"a@b"}}}""")))
        .withMessageContaining("userName");
    assertThatIllegalArgumentException().isThrownBy(() -> CognitoSignup.parse(detail("[1,2]"))).withMessageContaining("object");
  }

  private static JsonNode detail(String json) throws Exception {
    return MAPPER.readTree(json);
  }
}
