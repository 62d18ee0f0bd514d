package com.bellyfed.kit.security;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method its {@link Actor}. A method that takes one needs a signed-in user; if its
 * path was left public by mistake, the request is refused with 401 rather than run without an actor.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container, NativeWebRequest request,
      @Nullable WebDataBinderFactory binders) {
    return Actor.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("This operation needs a signed-in user"));
  }
}
