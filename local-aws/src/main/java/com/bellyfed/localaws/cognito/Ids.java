package com.bellyfed.localaws.cognito;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Pool and client ids in Cognito's formats ({@code us-east-1_AbC123xyz}; 26 lower-case letters and
 * digits), derived from the names (decision 33): the same pool created again, after a restart of
 * local-aws, gets the same ids, so that the issuer and client ids in configurations stay valid.
 */
final class Ids {

  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

  private Ids() {}

  /** The {@code attempt}th candidate id of a pool: a later attempt only when an earlier id is taken. */
  static String pool(String region, String poolName, int attempt) {
    return region + "_" + encode(digest("pool", region, poolName, attempt), BASE62, 9);
  }

  static String client(String poolId, String clientName, int attempt) {
    return encode(digest("client", poolId, clientName, attempt), BASE36, 26);
  }

  static String secret(String clientId) {
    return encode(digest("secret", clientId, "", 0), BASE36, 51);
  }

  private static byte[] digest(String kind, String scope, String name, int attempt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((kind + "\n" + scope + "\n" + name + "\n" + attempt).getBytes(StandardCharsets.UTF_8));
      byte[] first = sha.digest();
      // 51 base-36 characters need more than one digest's 256 bits.
      return concat(first, MessageDigest.getInstance("SHA-256").digest(first));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String encode(byte[] bytes, String alphabet, int length) {
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(alphabet.length());
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      BigInteger[] division = value.divideAndRemainder(base);
      out.append(alphabet.charAt(division[1].intValue()));
      value = division[0];
    }
    return out.toString();
  }
}
