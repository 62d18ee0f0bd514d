package com.bellyfed.systemtests;

import com.bellyfed.testing.SignedInHttpApi;
import java.util.function.Supplier;

/** A signed-in user's requests to one service: the access token on every request. */
public final class Caller extends SignedInHttpApi {

  Caller(int port, Supplier<String> authorization) {
    super(port, authorization);
  }
}
